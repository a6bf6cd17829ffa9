package org.maillage.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out and rate limit of password logins, and rate limit of requests for emailed links. An account is locked after
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

    /** A wrong password (or unknown address): counted for the client and for the account. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String email, String ip) {
        refusedAttempt(email, ip);
        users.findByEmail(email == null ? "" : email).ifPresent(user ->
                users.recordFailure(user.id(), properties.maxFailedLogins(), Instant.now().plus(properties.lockDuration())));
    }

    /** An attempt refused before any check (locked account, limited client): counted for the client only. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void refusedAttempt(String email, String ip) {
        jdbc.sql("insert into account.login_failure (email, ip) values (:email, :ip)")
                .param("email", email == null ? "" : email.strip()).param("ip", ip).update();
    }

    @Transactional
    void succeeded(long userId) {
        users.recordLogin(userId);
    }

    /**
     * Counts a request for an emailed link from this client; false when the client made too many in
     * the last hour (the request is then not served).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean linkRequestAllowed(String ip) {
        long recent = jdbc.sql("select count(*) from account.link_request where ip = :ip and at > now() - interval '1 hour'")
                .param("ip", ip).query(Long.class).single();
        if (recent >= properties.maxLinkRequestsPerIpPerHour()) {
            return false;
        }
        jdbc.sql("insert into account.link_request (ip) values (:ip)").param("ip", ip).update();
        return true;
    }

    @Transactional
    void purgeOld() {
        jdbc.sql("delete from account.login_failure where at < now() - interval '1 day'").update();
        jdbc.sql("delete from account.link_request where at < now() - interval '1 day'").update();
    }
}
