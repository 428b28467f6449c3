/**
 * Incident management (8.3.3): the incident (事件) as a work item on the kernel, with its
 * own workflow — taken, put on hold, resolved, and closed only when the requester
 * confirms the resolution (or, if they cannot be reached, by a service-desk decision that
 * is recorded); the requester may send it back. Categories, major incidents, escalation
 * and callbacks build on this.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.yunwei.incident;
