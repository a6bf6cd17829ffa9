package org.maillage.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out and rate limit of password logins. An account is locked after
 * {@code maxFailedLogins} failures in a row; a client address after {@code maxFailuresPerIp}
 * failures within the lock duration, whatever the addresses tried (existing or not: the answer never
 * tells which). Failures are kept one day.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AccountProperties properties;

    LoginThrottle(JdbcClient jdbc, UserRepository users, AccountProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.properties = properties;
    }

    /** Whether a login attempt for this address from this client must be refused before checking it. */
    @Transactional(readOnly = true)
    boolean refused(String email, String ip) {
        Instant now = Instant.now();
        boolean accountLocked = users.findByEmail(email)
                .map(user -> user.lockedUntil() != null && user.lockedUntil().isAfter(now))
                .orElse(false);
        long recentFromIp = jdbc.sql("select count(*) from account.login_failure where ip = :ip and at > :since")
                .param("ip", ip).param("since", Timestamp.from(now.minus(properties.lockDuration())))
                .query(Long.class).single();
        return accountLocked || recentFromIp >= properties.maxFailuresPerIp();
    }

    /** Kept even when the login's own transaction fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String email, String ip) {
        jdbc.sql("insert into account.login_failure (email, ip) values (:email, :ip)")
                .param("email", email == null ? "" : email.strip()).param("ip", ip).update();
        users.findByEmail(email == null ? "" : email).ifPresent(user ->
                users.recordFailure(user.id(), properties.maxFailedLogins(), Instant.now().plus(properties.lockDuration())));
    }

    @Transactional
    void succeeded(long userId) {
        users.recordLogin(userId);
    }

    @Transactional
    void purgeOld() {
        jdbc.sql("delete from account.login_failure where at < now() - interval '1 day'").update();
    }
}
