/**
 * Custom fields: an administrator adds typed fields (text, number, date, single or
 * multiple choice, person, group; required; a pattern or range) to a kind of record; the
 * record's forms, lists, filters, exports and REST ({@code customFields}) carry them.
 * Values are stored one typed row each, so filters compare indexed columns the same way
 * on H2 and PostgreSQL. Used by work items; the CMDB's CI attributes will use it too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custom fields")
package org.yunwei.fields;
