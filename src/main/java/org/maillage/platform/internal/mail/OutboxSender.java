package org.maillage.platform.internal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each message is taken with {@code for update skip locked}, so several
 * application nodes never send the same message, and marked sent in the same transaction, once
 * the SMTP server accepted it. A failure leaves it pending for a later attempt
 * (the delay doubles), and never touches the change that queued it.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private record Pending(long id, String recipient, String subject, String body, int attempts, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailProperties properties;
    private final AtomicLong lastNoSmtpWarning = new AtomicLong();

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> smtp,
            MailProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.smtp = smtp;
        this.properties = properties;
    }

    /**
     * One round: sends what is due, up to the batch size, each message in its own transaction (a
     * message accepted by the SMTP server is marked sent at once, whatever happens to the next one);
     * returns how many were sent. Without an SMTP server, messages wait — unless
     * {@code maillage.mail.log-only} (development) writes them to the log.
     */
    int sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null && !properties.logOnly()) {
            warnNoSmtp();
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < properties.batchSize(); i++) {
            Boolean delivered = transaction.execute(status -> jdbc.sql("""
                    select id, recipient, subject, body, attempts, created_at from platform.outbox_email
                    where status = 'PENDING' and next_attempt_at <= now()
                    order by id limit 1 for update skip locked
                    """)
                    .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
                    .optional()
                    .map(message -> deliver(sender, message))
                    .orElse(null));
            if (delivered == null) {
                break;
            }
            sent += delivered ? 1 : 0;
        }
        return sent;
    }

    private void warnNoSmtp() {
        long now = System.nanoTime();
        long last = lastNoSmtpWarning.get();
        if (last == 0 || now - last > Duration.ofMinutes(10).toNanos()) {
            lastNoSmtpWarning.set(now);
            Long waiting = jdbc.sql("select count(*) from platform.outbox_email where status = 'PENDING'")
                    .query(Long.class).single();
            log.warn("No SMTP server configured (spring.mail.host): {} email(s) wait in the outbox and will be sent "
                    + "once it is (development: maillage.mail.log-only=true writes them to the log)", waiting);
        }
    }

    /** Removes what was sent long ago (their bodies are already erased). */
    void purgeSent() {
        jdbc.sql("delete from platform.outbox_email where status = 'SENT' and sent_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(properties.keepSent())))
                .update();
    }

    private boolean deliver(JavaMailSender sender, Pending message) {
        try {
            if (sender == null) {
                log.info("maillage.mail.log-only: email to {}\nSubject: {}\n\n{}",
                        message.recipient(), message.subject(), message.body());
            } else {
                sender.send(mime(sender, message));
            }
            jdbc.sql("""
                    update platform.outbox_email set status = 'SENT', sent_at = now(), body = null, attempts = attempts + 1,
                        last_error = null, sent_via = :via
                    where id = :id
                    """).param("via", sender == null ? "log" : "smtp").param("id", message.id()).update();
            return true;
        } catch (MailException | MessagingException e) {
            int attempts = message.attempts() + 1;
            boolean giveUp = message.createdAt().plus(properties.giveUpAfter()).isBefore(Instant.now());
            log.warn("Email {} to {} not sent (attempt {}): {}", message.id(), message.recipient(), attempts, e.getMessage());
            jdbc.sql("""
                    update platform.outbox_email set attempts = :attempts, last_error = :error, status = :status,
                        next_attempt_at = now() + make_interval(secs => :delay)
                    where id = :id
                    """)
                    .param("attempts", attempts)
                    .param("error", String.valueOf(e.getMessage()))
                    .param("status", giveUp ? "FAILED" : "PENDING")
                    .param("delay", (double) properties.backoff(attempts).toSeconds())
                    .param("id", message.id())
                    .update();
            return false;
        }
    }

    private MimeMessage mime(JavaMailSender sender, Pending message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        return mime;
    }
}
