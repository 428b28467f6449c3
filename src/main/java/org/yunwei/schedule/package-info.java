/**
 * Recurring work (8.4.1 and every "定期" of the standard): activities defined by an RFC
 * 5545 rule on a business calendar, each occurrence becoming a work item with its due
 * time, so whether it was done on time is measurable. Occurrences on non-working days are
 * kept, skipped or moved to the next working day; each occurrence is created exactly once
 * across nodes, including those missed while the application was down.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recurring work")
package org.yunwei.schedule;
