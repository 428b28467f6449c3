package org.yunwei.platform.identity;

import java.io.Serializable;

/** The principal of an authenticated request (form login, LDAP or API token). */
public record AuthenticatedUser(long id, String username, String displayName) implements Serializable {

}
