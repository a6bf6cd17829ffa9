package org.maillage.platform.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maillage.account.AccountAdministration;
import org.maillage.account.Role;
import org.maillage.account.UserId;
import org.maillage.platform.Email;
import org.maillage.platform.Notifications;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.TestMail;
import org.maillage.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail) that can go down: a message exists only if the
 * change that caused it was committed, an outage never loses a message nor undoes the change, and
 * recovery delivers each message exactly once even with several senders at work.
 */
@MaillageIntegrationTest
class OutboxIT {

    @Autowired
    Notifications notifications;

    @Autowired
    AccountAdministration administration;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void smtpBack() {
        TestMail.restart();
    }

    private Email magicLink(String to) {
        return new Email(to, "magic-link", Map.of("displayName", "Camille", "validity", "30 minutes", "path", "/mon-espace/lien?jeton=x"),
                Locale.FRENCH);
    }

    private String status(String recipient) {
        return jdbc.sql("select string_agg(status, ',') from platform.outbox_email where recipient = :to")
                .param("to", recipient).query(String.class).optional().orElse(null);
    }

    @Test
    void aChangeRolledBackSendsNothing() {
        String to = TestUsers.uniqueEmail("annule");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            notifications.email(magicLink(to));
            throw new IllegalStateException("the change fails after queuing its email");
        })).isInstanceOf(IllegalStateException.class);
        String sentLater = TestUsers.uniqueEmail("temoin");
        notifications.email(magicLink(sentLater));
        TestMail.await(sentLater, 1);
        assertThat(status(to)).isNull();
        assertThat(TestMail.to(to)).isEmpty();
    }

    @Test
    void aFrenchTemplateWithTheLinkAndSubjectIsDelivered() throws Exception {
        String to = TestUsers.uniqueEmail("camille");
        notifications.email(magicLink(to));
        var message = TestMail.await(to, 1).get(0);
        assertThat(message.getSubject()).isNotBlank();
        assertThat(TestMail.body(message)).contains("Bonjour Camille").contains("valable 30 minutes")
                .contains("/mon-espace/lien?jeton=x");
        assertThat(message.getFrom()[0].toString()).contains("ne-pas-repondre@");
    }

    @Test
    void anSmtpOutageLosesNothingUndoesNothingAndRecoveryDeliversEachMessageExactlyOnce() throws Exception {
        TestMail.stop();
        List<String> invited = new ArrayList<>();
        List<UserId> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = TestUsers.uniqueEmail("panne");
            invited.add(email);
            accounts.add(administration.invite(TestUsers.platform(), email, "Invitée " + i, Role.ANIMATEUR, "adess-cornouaille"));
        }
        // the invitations (the business change) are saved although no email could leave
        for (UserId id : accounts) {
            assertThat(jdbc.sql("select status from account.user_account where id = :id").param("id", id.value())
                    .query(String.class).single()).isEqualTo("INVITED");
        }
        // the sender tried, failed, and keeps the messages for later with a growing delay
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> invited.stream().allMatch(to ->
                jdbc.sql("select attempts >= 1 and last_error is not null and status = 'PENDING' and body is not null"
                        + " from platform.outbox_email where recipient = :to").param("to", to).query(Boolean.class).single()));
        assertThat(jdbc.sql("select bool_and(next_attempt_at > now()) from platform.outbox_email where recipient in (:to)")
                .param("to", invited).query(Boolean.class).single()).isTrue();

        TestMail.restart();
        jdbc.sql("update platform.outbox_email set next_attempt_at = now() where recipient in (:to)").param("to", invited).update();
        // several nodes sending at once (and the scheduled sender of this one)
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(sender::sendDue);
            }
            for (Future<Integer> round : nodes.invokeAll(rounds)) {
                round.get();
            }
        } finally {
            nodes.shutdown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> invited.stream().allMatch(to -> "SENT".equals(status(to))));
        for (String to : invited) {
            assertThat(TestMail.to(to)).as(to).hasSize(1);
            assertThat(TestMail.body(TestMail.to(to).get(0))).contains("/invitation?jeton=");
        }
        assertThat(jdbc.sql("select count(*) from platform.outbox_email where recipient in (:to) and body is not null")
                .param("to", invited).query(Long.class).single()).as("bodies with their one-time links erased once sent").isZero();
        // nothing is left to send twice
        assertThat(sender.sendDue()).isZero();
        for (String to : invited) {
            assertThat(TestMail.to(to)).hasSize(1);
        }
    }

    @Test
    void aMessageThatCannotBeSentForAWeekIsMarkedFailedAndKept() {
        TestMail.stop();
        String to = TestUsers.uniqueEmail("abandon");
        notifications.email(magicLink(to));
        jdbc.sql("update platform.outbox_email set created_at = now() - interval '8 days' where recipient = :to")
                .param("to", to).update();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(to)));
        assertThat(jdbc.sql("select body is not null and last_error is not null from platform.outbox_email where recipient = :to")
                .param("to", to).query(Boolean.class).single()).isTrue();
    }

    @Test
    void withoutAnSmtpServerMessagesWaitInsteadOfBeingCountedAsSent() {
        TestMail.stop();
        String to = TestUsers.uniqueEmail("sans-smtp");
        notifications.email(magicLink(to));
        OutboxSender withoutSmtp = new OutboxSender(jdbc, transactions,
                new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new MailProperties("x", Duration.ofSeconds(5), 20, Duration.ofSeconds(30), Duration.ofHours(1),
                        Duration.ofDays(7), Duration.ofDays(90), false));
        assertThat(withoutSmtp.sendDue()).isZero();
        assertThat(jdbc.sql("select status = 'PENDING' and body is not null and sent_via is null"
                + " from platform.outbox_email where recipient = :to").param("to", to).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theDelayDoublesUpToItsCap() {
        MailProperties properties = new MailProperties("x", Duration.ofSeconds(5), 20, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(90), false);
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofHours(1));
    }
}
