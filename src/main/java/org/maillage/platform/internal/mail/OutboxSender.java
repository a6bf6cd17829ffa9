package org.maillage.platform.internal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
 * Delivers the outbox. Each round takes the due messages with {@code for update skip locked}, so
 * several application nodes never send the same message; a message is marked sent in the same
 * transaction, after the SMTP server accepted it. A failure leaves it pending for a later attempt
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

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> smtp,
            MailProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.smtp = smtp;
        this.properties = properties;
    }

    /** One round: sends what is due, up to the batch size; returns how many were sent. */
    int sendDue() {
        Integer sent = transaction.execute(status -> {
            List<Pending> due = jdbc.sql("""
                    select id, recipient, subject, body, attempts, created_at from platform.outbox_email
                    where status = 'PENDING' and next_attempt_at <= now()
                    order by id limit :batch for update skip locked
                    """)
                    .param("batch", properties.batchSize())
                    .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
                    .list();
            int count = 0;
            for (Pending message : due) {
                count += deliver(message) ? 1 : 0;
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** Removes what was sent long ago (their bodies are already erased). */
    void purgeSent() {
        jdbc.sql("delete from platform.outbox_email where status = 'SENT' and sent_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(properties.keepSent())))
                .update();
    }

    private boolean deliver(Pending message) {
        JavaMailSender sender = smtp.getIfAvailable();
        try {
            if (sender == null) {
                log.info("No SMTP server configured (spring.mail.host): email to {}\nSubject: {}\n\n{}",
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
