/**
 * Configuration management (8.3.5): the CI classes an administrator defines as data (a
 * hierarchy whose typed attributes are inherited, some required, unique or identifying),
 * shipped with a default model; configuration items with their lifecycle state, owner,
 * group, location and service; typed relations and the impact graph they span ("what is
 * impacted if this fails", "what does this run on"); the history of every change (who,
 * when, why, through which change); CIs linked to incidents, problems and changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Configuration")
package org.yunwei.cmdb;
