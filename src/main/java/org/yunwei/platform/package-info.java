/**
 * The platform kernel every module stands on: identity and access control with 三员分立, the
 * hash-chained audit trail, the UI shell, i18n and the REST conventions (problem details,
 * keyset paging). Sub-packages {@code identity} and {@code audit} are named interfaces
 * other modules may use; everything under an {@code internal} package is private to the
 * kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform kernel")
package org.yunwei.platform;
