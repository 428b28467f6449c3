/**
 * Capacity management (8.3.8): capacity records — a metric of a CI or a service with its
 * threshold and history — and the linear forecast from that history with the date the
 * threshold will be crossed; capacity plans (owner, period, content, approval) that
 * freeze the forecast they made so that their accuracy can be measured against what
 * happened; periodic capacity reports, work items the kernel's recurring work raises,
 * whose content is generated from the records and which are approved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capacity")
package org.yunwei.capacity;
