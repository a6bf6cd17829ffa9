package org.maillage.account.internal;

import java.time.Instant;

/** A row of {@code account.user_account}. */
record UserRecord(long id, String email, String displayName, String passwordHash, Status status, int failedLogins,
        Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

    enum Status { INVITED, ACTIVE, DEACTIVATED }

    boolean isActive() {
        return status == Status.ACTIVE;
    }
}
