package org.maillage.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as the administration pages show it.
 *
 * @param status INVITED, ACTIVE or DEACTIVATED
 */
public record AccountView(UserId id, String email, String displayName, String status, Instant createdAt,
        Instant lastLoginAt, List<GrantView> grants, boolean manageable) {

    /** A grant and its id (to take it back). */
    public record GrantView(long id, Grant grant) {}
}
