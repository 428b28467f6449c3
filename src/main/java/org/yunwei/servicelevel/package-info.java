/**
 * Service levels (8.3.1): the service catalogue (services, owners, the departments they
 * serve), each service's level agreement with its response and resolution targets per
 * priority on a business calendar, operational levels per assignment group, and the SLA
 * engine: clocks per work item started, paused and stopped by workflow actions, counted
 * in working minutes, warning, breaching and escalating; the met / breached facts kept
 * for attainment statistics and indicators; recalculation only as an explicit, audited
 * action.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service levels")
package org.yunwei.servicelevel;
