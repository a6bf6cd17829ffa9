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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journeys' jobs, for a given instant (tests move it): reminders to partners, expiry of referrals
 * nobody answered, follow-up reminders to the animators, surveys to the porteurs, and retention
 * (warning, then anonymisation). One node runs them at a time (an advisory lock of PostgreSQL); each
 * thing is done once (its row records it).
 */
@Component
class JourneyJobs {

    /** What a run did. */
    record Report(int reminders, int expired, int followUps, int surveys, int warnings, int anonymised) {}

    private static final long LOCK = 0x4a4f55524e4559L; // "JOURNEY"
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final JourneyMails mails;
    private final JourneyService journeys;
    private final Accounts accounts;
    private final JourneyProperties properties;
    private final RetentionNotice notice;

    JourneyJobs(JdbcClient jdbc, JourneyStore store, JourneyMails mails, JourneyService journeys, Accounts accounts,
            JourneyProperties properties, RetentionNotice notice) {
        this.notice = notice;
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.journeys = journeys;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Runs every job as if it were {@code now}; nothing when another node is running them. */
    @Transactional
    Report run(Instant now) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
            return new Report(0, 0, 0, 0, 0, 0);
        }
        int expired = expire(now); // first: a referral past its expiry gets no more reminders
        int reminders = remind(now);
        int followUps = followUps(now);
        int surveys = surveys(now);
        int warnings = warn(now);
        int anonymised = anonymise(now);
        return new Report(reminders, expired, followUps, surveys, warnings, anonymised);
    }

    /**
     * Reminds the partners of the referrals waiting for their answer: one email per referral and run,
     * numbered by the latest delay passed (a job that did not run for a while sends one reminder, not
     * every one it missed).
     */
    private int remind(Instant now) {
        List<Duration> delays = properties.reminders().stream().sorted().toList();
        if (delays.isEmpty()) {
            return 0;
        }
        record Waiting(long id, Instant sentAt, int remindersSent) {}
        List<Waiting> waiting = jdbc.sql("""
                select id, sent_at, reminders_sent from journey.referral
                where status = 'SENT' and sent_at <= :first and reminders_sent < :count
                order by id for update skip locked
                """).param("first", Timestamp.from(now.minus(delays.get(0)))).param("count", delays.size())
                .query((rs, row) -> new Waiting(rs.getLong("id"), JourneyStore.instant(rs, "sent_at"),
                        rs.getInt("reminders_sent")))
                .list();
        int sent = 0;
        for (Waiting referral : waiting) {
            int reached = (int) delays.stream().filter(delay -> !referral.sentAt().plus(delay).isAfter(now)).count();
            if (reached <= referral.remindersSent()) {
                continue;
            }
            var row = store.referral(referral.id()).orElseThrow();
            ProjectRow project = store.project(row.referral().projectId()).orElseThrow();
            journeys.emailPartner(row.referral(), project, "referral-reminder", reached);
            jdbc.sql("update journey.referral set reminders_sent = :n where id = :id").param("n", reached)
                    .param("id", referral.id()).update();
            store.step(project.id(), now, "REFERRAL_REMINDER", "Maillage", referral.id(), Seen.PARTNERS_AND_POLE,
                    row.referral().schemeName(), reached);
            sent++;
        }
        return sent;
    }

    private int expire(Instant now) {
        List<Long> due = jdbc.sql("""
                update journey.referral set status = 'EXPIRED', closed_at = :now, updated_at = :now
                where status = 'SENT' and sent_at <= :before returning id
                """).param("now", Timestamp.from(now)).param("before", Timestamp.from(now.minus(properties.expireAfter())))
                .query(Long.class).list();
        for (long id : due) {
            var row = store.referral(id).orElseThrow();
            store.step(row.referral().projectId(), now, "REFERRAL_EXPIRED", "Maillage", id, Seen.EVERYONE,
                    row.referral().schemeName(), properties.expireAfter().toDays());
            mails.send(mails.pole(row.poleSlug(), row.regionCode()), "referral-expired", Map.of(
                    "schemeName", row.referral().schemeName(), "operatorName", row.referral().operatorName(),
                    "days", properties.expireAfter().toDays(), "path", "/espace/parcours/" + row.referral().projectId()));
        }
        return due.size();
    }

    private int followUps(Instant now) {
        LocalDate today = now.atZone(JourneyService.PARIS).toLocalDate();
        record Due(long id, String pole, String region, String title, LocalDate on) {}
        List<Due> due = jdbc.sql("""
                update journey.project set follow_up_notified_on = follow_up_on
                where follow_up_on <= :today and status in ('OPEN', 'PAUSED') and anonymised_at is null
                  and follow_up_notified_on is distinct from follow_up_on
                returning id, pole_slug, region_code, title, follow_up_on
                """).param("today", today)
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("pole_slug"), rs.getString("region_code"),
                        rs.getString("title"), rs.getDate("follow_up_on").toLocalDate()))
                .list();
        for (Due project : due) {
            store.step(project.id(), now, "FOLLOW_UP_DUE", "Maillage", null, Seen.POLE_ONLY, DATE.format(project.on()));
            mails.send(mails.pole(project.pole(), project.region()), "follow-up-due",
                    Map.of("path", "/espace/parcours/" + project.id(), "date", DATE.format(project.on())));
        }
        return due.size();
    }

    private int surveys(Instant now) {
        int sent = 0;
        for (int months : properties.surveyMonths()) {
            Instant before = ZonedDateTime.ofInstant(now, JourneyService.PARIS).minusMonths(months).toInstant();
            // journeys whose last step is between `months` months and that plus the window ago: a journey
            // that went quiet long before (or before Maillage) gets no survey years later
            List<Long> due = jdbc.sql("""
                    select p.id from journey.project p join journey.porteur o on o.id = p.porteur_id
                    where p.status <> 'NEW' and p.anonymised_at is null and o.anonymised_at is null
                      and p.erasure_requested_at is null
                      and p.last_activity_at <= :before and p.last_activity_at > :notBefore
                      and not exists (select 1 from journey.survey s where s.project_id = p.id and s.months = :months)
                    order by p.last_activity_at limit 500
                    """).param("before", Timestamp.from(before))
                    .param("notBefore", Timestamp.from(before.minus(properties.surveyWindow())))
                    .param("months", months).query(Long.class).list();
            for (long id : due) {
                ProjectRow project = store.project(id).orElseThrow();
                String token = SecretTokens.newToken();
                jdbc.sql("""
                        insert into journey.survey (project_id, months, sent_at, token_hash) values (:project, :months, :at, :hash)
                        """).param("project", id).param("months", months).param("at", Timestamp.from(now))
                        .param("hash", SecretTokens.hash(token)).update();
                Map<String, Object> model = new HashMap<>();
                model.put("displayName", project.porteur().displayName());
                model.put("title", project.title());
                model.put("months", months);
                model.put("path", "/enquete?jeton=" + token);
                mails.send(project.porteur().email(), "survey", model);
                store.step(id, now, "SURVEY_SENT", "Maillage", null, Seen.PORTEUR_AND_POLE, months);
                sent++;
            }
        }
        return sent;
    }

    /** Porteurs whose last step of all their projects is older than the retention less the warning. */
    private List<long[]> inactivePorteurs(Instant before, boolean warnedLongEnough, Instant warnedBefore) {
        return jdbc.sql("""
                select o.id, o.user_id from journey.porteur o join journey.project p on p.porteur_id = o.id
                where o.anonymised_at is null
                group by o.id, o.user_id
                having max(p.last_activity_at) <= :before
                   and (not :warned or bool_and(p.retention_warned_at is not null and p.retention_warned_at <= :warnedBefore))
                   and (:warned or bool_or(p.retention_warned_at is null))
                order by o.id limit 500
                """).param("before", Timestamp.from(before)).param("warned", warnedLongEnough)
                .param("warnedBefore", Timestamp.from(warnedBefore))
                .query((rs, row) -> new long[] {rs.getLong("id"), rs.getLong("user_id")}).list();
    }

    private int warn(Instant now) {
        Instant before = now.minus(properties.retention()).plus(properties.retentionWarning());
        List<long[]> porteurs = inactivePorteurs(before, false, now);
        for (long[] porteur : porteurs) {
            jdbc.sql("update journey.project set retention_warned_at = :now where porteur_id = :id")
                    .param("now", Timestamp.from(now)).param("id", porteur[0]).update();
            var contact = jdbc.sql("select display_name, email from journey.porteur where id = :id").param("id", porteur[0])
                    .query((rs, row) -> new String[] {rs.getString("display_name"), rs.getString("email")}).single();
            Map<String, Object> model = new HashMap<>();
            model.put("displayName", contact[0]);
            model.put("date", DATE.format(now.plus(properties.retentionWarning()).atZone(JourneyService.PARIS)));
            model.put("inactivity", notice.words(properties.retention().minus(properties.retentionWarning()), Locale.FRENCH));
            model.put("path", accounts.spaceLinkPath(new UserId(porteur[1]), properties.retentionWarning()));
            mails.send(contact[1], "retention-warning", model);
            for (Long project : jdbc.sql("select id from journey.project where porteur_id = :id").param("id", porteur[0])
                    .query(Long.class).list()) {
                store.step(project, now, "RETENTION_WARNING", "Maillage", null, Seen.PORTEUR_AND_POLE,
                        model.get("date"));
            }
        }
        return porteurs.size();
    }

    private int anonymise(Instant now) {
        List<long[]> porteurs = inactivePorteurs(now.minus(properties.retention()), true,
                now.minus(properties.retentionWarning()));
        porteurs.forEach(porteur -> journeys.anonymise(porteur[0], now, "RETENTION"));
        return porteurs.size();
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
