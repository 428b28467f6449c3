/**
 * Problem management (8.3.4): problems raised from one or many incidents or proposed by
 * the recurring-incident view, their root-cause analysis, workarounds published to the
 * known-error list for the agents, the change that fixes them and the closure review.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problems")
package org.yunwei.problem;
