/**
 * Business calendars: working hours per weekday, public holidays and the make-up working
 * days (调休) of China's official holiday arrangement, and exact business-time arithmetic
 * on them (add business minutes, business minutes between two instants, next working
 * minute or day). The SLA engine and recurring work use it; the official 2025 and 2026
 * arrangements ship as data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendars")
package org.yunwei.calendar;
