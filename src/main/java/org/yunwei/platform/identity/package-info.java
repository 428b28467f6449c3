/**
 * Identity and access: users, the department tree, assignment groups, roles made of
 * permissions with a record scope, API tokens and the password policy — with 三员分立 (the
 * separation of the system, security and audit administrators) enforced here, in the
 * domain. Other modules use {@link org.yunwei.platform.identity.AccessControl} to check
 * permissions and contribute their own permissions through
 * {@link org.yunwei.platform.identity.PermissionContributor}.
 */
@org.springframework.modulith.NamedInterface("identity")
package org.yunwei.platform.identity;
