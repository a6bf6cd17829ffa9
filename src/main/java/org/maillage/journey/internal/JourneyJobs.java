package org.maillage.journey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maillage.account.Accounts;
import org.maillage.account.UserId;
import org.maillage.journey.internal.JourneyStore.ProjectRow;
import org.maillage.journey.internal.JourneyStore.Seen;
import org.maillage.platform.SecretTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.maillage.platform.OneNodeJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The journeys' jobs, for a given instant (tests move it): expiry of referrals nobody answered,
 * reminders to partners, follow-up reminders to the animators, surveys to the porteurs, and retention
 * (warning, then anonymisation).
 *
 * <p>They run as {@link OneNodeJobs} runs them: one node at a time, under an advisory lock, in a
 * transaction that only reads what is due; each thing due in its own transaction, whose statement checks
 * again that it is still due: it is done once, and one that fails (logged) neither undoes nor blocks the
 * others; it is tried again at the next run.
 */
@Component
class JourneyJobs {

    /** What a run did. */
    record Report(int reminders, int expired, int followUps, int surveys, int warnings, int anonymised) {

        static final Report NOTHING = new Report(0, 0, 0, 0, 0, 0);
    }

    private static final long LOCK = 0x4a4f55524e4559L; // "JOURNEY"
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    /** At most this many things of each kind a run (the next run takes the rest). */
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final JourneyMails mails;
    private final JourneyService journeys;
    private final Accounts accounts;
    private final JourneyProperties properties;
    private final RetentionNotice notice;
    private final OneNodeJobs jobs;

    JourneyJobs(JdbcClient jdbc, JourneyStore store, JourneyMails mails, JourneyService journeys, Accounts accounts,
            JourneyProperties properties, RetentionNotice notice, OneNodeJobs jobs) {
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.journeys = journeys;
        this.accounts = accounts;
        this.properties = properties;
        this.notice = notice;
        this.jobs = jobs;
    }

    /** Runs every job as if it were {@code now}; nothing when another node is running them. */
    Report run(Instant now) {
        return jobs.run("Journey", LOCK, Report.NOTHING, each -> {
            int expired = each.each("expiry", dueExpiries(now), id -> expire(id, now)); // first: no reminder after it
            int reminders = each.each("reminder", dueReminders(now), id -> remind(id, now));
            int followUps = each.each("follow-up", dueFollowUps(now), id -> followUp(id, now));
            int surveys = 0;
            for (int months : properties.surveyMonths()) {
                surveys += each.each("survey", dueSurveys(now, months), id -> survey(id, months, now));
            }
            int warnings = each.each("retention warning", inactivePorteurs(now, false), id -> warn(id, now));
            int anonymised = each.each("anonymisation", inactivePorteurs(now, true), id -> anonymise(id, now));
            jdbc.sql("delete from journey.intake_attempt where at < :before")
                    .param("before", Timestamp.from(now.minus(Duration.ofHours(2)))).update();
            return new Report(reminders, expired, followUps, surveys, warnings, anonymised);
        });
    }

    // --- referrals nobody answers ----------------------------------------------------------------

    private List<Long> dueExpiries(Instant now) {
        return jdbc.sql("select id from journey.referral where status = 'SENT' and sent_at <= :before order by id limit :batch")
                .param("before", Timestamp.from(now.minus(properties.expireAfter()))).param("batch", BATCH)
                .query(Long.class).list();
    }

    private boolean expire(long id, Instant now) {
        boolean expired = jdbc.sql("""
                update journey.referral set status = 'EXPIRED', closed_at = :now, updated_at = :now
                where id = :id and status = 'SENT' and sent_at <= :before
                """).param("now", Timestamp.from(now)).param("before", Timestamp.from(now.minus(properties.expireAfter())))
                .param("id", id).update() == 1;
        if (expired) {
            jdbc.sql("delete from journey.referral_link where referral_id = :id").param("id", id).update();
            var row = store.referral(id).orElseThrow();
            store.step(row.referral().projectId(), now, "REFERRAL_EXPIRED", "Maillage", id, Seen.EVERYONE,
                    row.referral().schemeName(), properties.expireAfter().toDays());
            mails.send(mails.pole(row.poleSlug(), row.regionCode()), "referral-expired", Map.of(
                    "schemeName", row.referral().schemeName(), "operatorName", row.referral().operatorName(),
                    "days", properties.expireAfter().toDays(), "path", "/espace/parcours/" + row.referral().projectId()));
        }
        return expired;
    }

    /** Referrals waiting for their partner, still shared with them, with a reminder due they have not had. */
    private List<Long> dueReminders(Instant now) {
        List<Duration> delays = delays();
        if (delays.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id from journey.referral r join journey.project p on p.id = r.project_id
                where r.status = 'SENT' and r.sent_at <= :first and r.reminders_sent < :count and p.anonymised_at is null
                  and exists (select 1 from journey.consent c where c.porteur_id = p.porteur_id
                              and c.operator_slug = r.operator_slug and c.withdrawn_at is null)
                order by r.id limit :batch
                """).param("first", Timestamp.from(now.minus(delays.get(0)))).param("count", delays.size())
                .param("batch", BATCH).query(Long.class).list();
    }

    private List<Duration> delays() {
        return properties.reminders().stream().sorted().toList();
    }

    /**
     * One email per referral and run, numbered by the latest delay passed: a job that did not run for a
     * while sends one reminder, not every one it missed.
     */
    private boolean remind(long id, Instant now) {
        var row = store.referral(id).orElseThrow();
        var referral = row.referral();
        int reached = (int) delays().stream().filter(delay -> !referral.sentAt().plus(delay).isAfter(now)).count();
        boolean due = jdbc.sql("""
                update journey.referral set reminders_sent = :n where id = :id and status = 'SENT' and reminders_sent < :n
                """).param("n", reached).param("id", id).update() == 1;
        if (due) {
            ProjectRow project = store.project(referral.projectId()).orElseThrow();
            journeys.emailPartner(referral, project, "referral-reminder", reached);
            store.step(project.id(), now, "REFERRAL_REMINDER", "Maillage", id, Seen.PARTNERS_AND_POLE,
                    referral.schemeName(), reached);
        }
        return due;
    }

    // --- maturing projects and surveys -----------------------------------------------------------

    private List<Long> dueFollowUps(Instant now) {
        return jdbc.sql("""
                select id from journey.project
                where follow_up_on <= :today and status in ('OPEN', 'PAUSED') and anonymised_at is null
                  and follow_up_notified_on is distinct from follow_up_on
                order by id limit :batch
                """).param("today", today(now)).param("batch", BATCH).query(Long.class).list();
    }

    private static LocalDate today(Instant now) {
        return now.atZone(JourneyService.PARIS).toLocalDate();
    }

    private boolean followUp(long id, Instant now) {
        record Due(String pole, String region, LocalDate on) {}
        var due = jdbc.sql("""
                update journey.project set follow_up_notified_on = follow_up_on
                where id = :id and follow_up_on <= :today and follow_up_notified_on is distinct from follow_up_on
                returning pole_slug, region_code, follow_up_on
                """).param("id", id).param("today", today(now))
                .query((rs, row) -> new Due(rs.getString("pole_slug"), rs.getString("region_code"),
                        rs.getDate("follow_up_on").toLocalDate()))
                .optional();
        due.ifPresent(project -> {
            store.step(id, now, "FOLLOW_UP_DUE", "Maillage", null, Seen.POLE_ONLY, DATE.format(project.on()));
            mails.send(mails.pole(project.pole(), project.region()), "follow-up-due",
                    Map.of("path", "/espace/parcours/" + id, "date", DATE.format(project.on())));
        });
        return due.isPresent();
    }

    /**
     * Journeys whose last step is between {@code months} months and that plus the window ago: a journey
     * that went quiet long before (or before Maillage) gets no survey years later.
     */
    private List<Long> dueSurveys(Instant now, int months) {
        Instant before = ZonedDateTime.ofInstant(now, JourneyService.PARIS).minusMonths(months).toInstant();
        return jdbc.sql("""
                select p.id from journey.project p join journey.porteur o on o.id = p.porteur_id
                where p.status <> 'NEW' and p.anonymised_at is null and o.anonymised_at is null
                  and p.erasure_requested_at is null
                  and p.last_step_at <= :before and p.last_step_at > :notBefore
                  and not exists (select 1 from journey.survey s where s.project_id = p.id and s.months = :months)
                order by p.last_step_at limit :batch
                """).param("before", Timestamp.from(before))
                .param("notBefore", Timestamp.from(before.minus(properties.surveyWindow())))
                .param("months", months).param("batch", BATCH).query(Long.class).list();
    }

    private boolean survey(long id, int months, Instant now) {
        String token = SecretTokens.newToken();
        boolean created = jdbc.sql("""
                insert into journey.survey (project_id, months, sent_at, token_hash) values (:project, :months, :at, :hash)
                on conflict (project_id, months) do nothing
                """).param("project", id).param("months", months).param("at", Timestamp.from(now))
                .param("hash", SecretTokens.hash(token)).update() == 1;
        if (created) {
            ProjectRow project = store.project(id).orElseThrow();
            Map<String, Object> model = new HashMap<>();
            model.put("displayName", project.porteur().displayName());
            model.put("title", project.title());
            model.put("months", months);
            model.put("path", "/enquete?jeton=" + token);
            mails.send(project.porteur().email(), "survey", model);
            store.step(id, now, "SURVEY_SENT", "Maillage", null, Seen.PORTEUR_AND_POLE, months);
        }
        return created;
    }

    // --- retention -------------------------------------------------------------------------------

    /**
     * A porteur's last activity: the latest of their projects' and of their own file's changes (a porteur
     * registered without a project counts from their registration).
     */
    private static final String ACTIVITY = """
            select o.id, o.retention_warned_at,
                   greatest(o.updated_at, (select max(p.last_activity_at) from journey.project p where p.porteur_id = o.id))
                       as last_activity
            from journey.porteur o where o.anonymised_at is null
            """;

    /**
     * Porteurs to warn (nothing for longer than the retention less the warning, and not warned since), or
     * to anonymise (nothing for longer than the retention, warned long enough ago, and nothing since).
     */
    private List<Long> inactivePorteurs(Instant now, boolean toAnonymise) {
        String condition = toAnonymise
                ? "last_activity <= :retention and retention_warned_at >= last_activity and retention_warned_at <= :warnedBefore"
                : "last_activity <= :warnFrom and (retention_warned_at is null or retention_warned_at < last_activity)";
        return jdbc.sql("select id from (" + ACTIVITY + ") a where " + condition + " order by id limit :batch")
                .param("retention", Timestamp.from(now.minus(properties.retention())))
                .param("warnedBefore", Timestamp.from(now.minus(properties.retentionWarning())))
                .param("warnFrom", Timestamp.from(now.minus(properties.retention()).plus(properties.retentionWarning())))
                .param("batch", BATCH).query(Long.class).list();
    }

    private boolean warn(long porteurId, Instant now) {
        record Contact(String name, String email, long userId) {}
        var contact = jdbc.sql("""
                update journey.porteur set retention_warned_at = :now where id = :id and anonymised_at is null
                returning display_name, email, user_id
                """).param("now", Timestamp.from(now)).param("id", porteurId)
                .query((rs, row) -> new Contact(rs.getString("display_name"), rs.getString("email"), rs.getLong("user_id")))
                .optional();
        contact.ifPresent(person -> {
            String date = DATE.format(now.plus(properties.retentionWarning()).atZone(JourneyService.PARIS));
            Map<String, Object> model = new HashMap<>();
            model.put("displayName", person.name());
            model.put("date", date);
            model.put("inactivity", notice.words(properties.retention().minus(properties.retentionWarning()), Locale.FRENCH));
            model.put("path", accounts.spaceLinkPath(new UserId(person.userId()), properties.retentionWarning()));
            mails.send(person.email(), "retention-warning", model);
            for (Long project : jdbc.sql("select id from journey.project where porteur_id = :id").param("id", porteurId)
                    .query(Long.class).list()) {
                store.step(project, now, "RETENTION_WARNING", "Maillage", null, Seen.PORTEUR_AND_POLE, date);
            }
        });
        return contact.isPresent();
    }

    private boolean anonymise(long porteurId, Instant now) {
        // still due: nothing happened since the list was read
        boolean due = jdbc.sql("select exists (select 1 from (" + ACTIVITY + ") a where id = :id"
                        + " and last_activity <= :retention and retention_warned_at >= last_activity)")
                .param("id", porteurId).param("retention", Timestamp.from(now.minus(properties.retention())))
                .query(Boolean.class).single();
        if (due) {
            journeys.anonymise(porteurId, now, "RETENTION");
        }
        return due;
    }

    /** Runs the jobs every {@code maillage.journey.job-interval} on the application's clock. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "maillage.journey.jobs-enabled", matchIfMissing = true)
    static class Scheduling implements SchedulingConfigurer {

        private final JourneyJobs jobs;
        private final JourneyProperties properties;
        private final Clock clock;

        Scheduling(JourneyJobs jobs, JourneyProperties properties, Clock clock) {
            this.jobs = jobs;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(() -> jobs.run(clock.instant()), properties.jobInterval());
        }
    }
}
