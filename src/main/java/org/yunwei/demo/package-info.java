/**
 * The demo's history ({@code YUNWEI_DEMO=true}): a year of records made through the other
 * modules' services as they would have been made, so lists, search, reports and
 * indicators show something true to life. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo history")
package org.yunwei.demo;
