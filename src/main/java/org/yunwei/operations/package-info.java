/**
 * O&M operations (8.4.1 routine operations first): routine tasks as work items on the
 * kernel, with their own workflow. SOPs and the schedules that generate routine tasks
 * come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.yunwei.operations;
