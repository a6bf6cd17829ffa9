package org.maillage.platform.internal.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox sender. The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address, e.g. {@code Maillage <ne-pas-repondre@maillage.example.org>}
 * @param pollInterval how often the sender looks for messages to send
 * @param batchSize messages taken per look
 * @param firstRetry delay before the second attempt; it doubles at each failure…
 * @param maxRetry …up to this delay
 * @param giveUpAfter after this long without success a message is marked FAILED (and kept)
 * @param keepSent how long sent messages (without their body) are kept
 * @param logOnly without SMTP server, write messages to the log and count them as sent
 *     (development only: the log then holds one-time links); otherwise they wait for a server
 */
@ConfigurationProperties("maillage.mail")
record MailProperties(
        @DefaultValue("Maillage <ne-pas-repondre@maillage.localhost>") String from,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("7d") Duration giveUpAfter,
        @DefaultValue("90d") Duration keepSent,
        @DefaultValue("false") boolean logOnly) {

    /** Delay before the next attempt after {@code attempts} failures. */
    Duration backoff(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
