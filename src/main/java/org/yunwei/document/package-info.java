/**
 * Controlled documents, the kernel's one document model used by every module: policies
 * (制度), plans, procedures, SOPs (作业指导书), reports and records — each with its owner, the
 * clauses of the standard it serves, a review interval and its versions. A version is
 * drafted, submitted for approval through the workflow of a {@code docapproval} work
 * item, becomes effective on its date and supersedes the version before, which is kept.
 * Before a review falls due the owner is given a {@code docreview} work item. Most 建立…制度
 * / 制定…计划 requirements of the standard are met by an effective document of the right
 * type.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Controlled documents")
package org.yunwei.document;
