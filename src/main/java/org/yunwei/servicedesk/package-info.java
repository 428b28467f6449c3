/**
 * The service desk (7.8, 8.4.2): the self-service portal where department users report a
 * fault (an incident) or ask for a service (a service request), follow their tickets,
 * confirm or reject the result and rate it; the service request work-item type; the
 * channel each ticket came in through and the requester's satisfaction. A ticket closes
 * only when its requester accepts the result (8.4.2 h), or by a recorded service-desk
 * decision when they cannot be reached.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package org.yunwei.servicedesk;
