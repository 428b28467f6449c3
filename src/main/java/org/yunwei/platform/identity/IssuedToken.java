package org.yunwei.platform.identity;

import java.time.Instant;

/** A token just issued: the only moment its secret value is shown. */
public record IssuedToken(String token, Instant expiresAt, ApiTokenView view) {

}
