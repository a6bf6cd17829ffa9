package org.maillage.account.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.maillage.platform.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links ({@link SecretTokens}: 256 random bits in the link, only their SHA-256 in the database). A token works
 * once, before it expires: {@link #consume} marks it used in the same statement that checks it.
 */
@Component
class OneTimeTokens {

    enum Purpose { INVITATION, PASSWORD_RESET, MAGIC_LINK }

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the user; earlier unused tokens of the same purpose stop working. */
    String issue(long userId, Purpose purpose, Duration validity) {
        String token = SecretTokens.newToken();
        jdbc.sql("update account.one_time_token set used_at = now() where user_id = :user and purpose = :purpose and used_at is null")
                .param("user", userId).param("purpose", purpose.name()).update();
        jdbc.sql("""
                insert into account.one_time_token (user_id, purpose, token_hash, expires_at)
                values (:user, :purpose, :hash, :expires)
                """).param("user", userId).param("purpose", purpose.name()).param("hash", SecretTokens.hash(token))
                .param("expires", Timestamp.from(Instant.now().plus(validity))).update();
        return token;
    }

    /** How many tokens of this purpose the user was given since then. */
    long issuedSince(long userId, Purpose purpose, Instant since) {
        return jdbc.sql("select count(*) from account.one_time_token where user_id = :user and purpose = :purpose"
                        + " and created_at > :since")
                .param("user", userId).param("purpose", purpose.name()).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    /** The user of a valid token, without using it (to show the page the link leads to). */
    Optional<Long> peek(String token, Purpose purpose) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select user_id from account.one_time_token
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
                """).param("hash", SecretTokens.hash(token)).param("purpose", purpose.name()).query(Long.class).optional();
    }

    /** Uses the token: its user once, then never again. */
    Optional<Long> consume(String token, Purpose purpose) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update account.one_time_token set used_at = now()
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
                returning user_id
                """).param("hash", SecretTokens.hash(token)).param("purpose", purpose.name()).query(Long.class).optional();
    }

    /** Every unused link of the user stops working. */
    void cancelAll(long userId) {
        jdbc.sql("update account.one_time_token set used_at = now() where user_id = :user and used_at is null")
                .param("user", userId).update();
    }

    void purgeOld() {
        jdbc.sql("delete from account.one_time_token where expires_at < now() - interval '30 days'").update();
    }
}
