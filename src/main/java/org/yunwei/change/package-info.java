/**
 * Change management (8.3.6): standard changes from pre-approved templates, normal changes
 * approved by risk (a questionnaire gives low, medium or high; high goes to the change
 * advisory board) and emergency changes ratified afterwards by the emergency board; the
 * impact assessment with the services the CMDB graph finds above the change's CIs;
 * implementation, back-out and test plans; the change calendar with freeze windows and
 * conflicts (the same CI or service in overlapping windows); implementation tasks; the
 * outcome and post-implementation review; CMDB updates recorded against the change; the
 * {@link org.yunwei.change.ChangeApproved} and
 * {@link org.yunwei.change.ChangeImplemented} events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Change")
package org.yunwei.change;
