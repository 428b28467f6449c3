/**
 * The work-item kernel every process module stands on: numbered records with optimistic
 * locking, a journal (comments, work notes, a system entry for every change), typed
 * links, watchers and tags; work items (state, impact x urgency -> priority, requester,
 * assignee, group, service, configuration items, milestones); and a versioned, validated
 * workflow per work-item type, drawn as a diagram. A module declares its
 * {@link WorkItemType} as a bean and adds workflow actions through
 * {@link WorkflowActionHandler}; it never writes to these tables itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work items")
package org.yunwei.workitem;
