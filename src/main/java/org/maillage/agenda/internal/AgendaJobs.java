package org.maillage.agenda.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.maillage.platform.OneNodeJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reminders to the people with a place, the day before their event; erasure of the registrants' names
 * and addresses once the event is over for longer than the retention. They run as {@link OneNodeJobs}
 * runs them: one node at a time; each reminder in its own transaction whose statement checks that it is
 * still due, so it goes once, and one that fails is tried at the next run.
 */
@Component
class AgendaJobs {

    private static final long LOCK = 0x4147454e4441L; // "AGENDA"
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final AgendaService agenda;
    private final AgendaProperties properties;
    private final OneNodeJobs jobs;

    AgendaJobs(JdbcClient jdbc, AgendaService agenda, AgendaProperties properties, OneNodeJobs jobs) {
        this.jdbc = jdbc;
        this.agenda = agenda;
        this.properties = properties;
        this.jobs = jobs;
    }

    /** Sends the reminders due at {@code now}; how many. Nothing when another node is sending them. */
    int run(Instant now) {
        return jobs.run("Agenda", LOCK, 0, each -> {
            List<Long> due = jdbc.sql("""
                    select r.id from agenda.registration r join agenda.event e on e.id = r.event_id
                    where r.status = 'CONFIRMED' and r.reminded_at is null and e.published and e.cancelled_at is null
                      and e.starts_at > :now and e.starts_at <= :until
                    order by r.id limit :batch
                    """).param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(properties.reminderBefore())))
                    .param("batch", BATCH).query(Long.class).list();
            int done = each.each("reminder", due, id -> agenda.remind(id, now));
            // Names and addresses of the registrants of events over for longer than the retention: erased,
            // the counts (places, attendance) stay.
            jdbc.sql("""
                    update agenda.registration r set display_name = 'Personne anonymisée',
                        email = 'anonyme-' || r.id || '@anonyme.invalid', anonymised_at = :now
                    from agenda.event e
                    where e.id = r.event_id and r.anonymised_at is null and e.ends_at < :before
                    """).param("now", Timestamp.from(now)).param("before", Timestamp.from(now.minus(properties.retention())))
                    .update();
            return done;
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "maillage.agenda.jobs-enabled", matchIfMissing = true)
    static class Scheduling implements SchedulingConfigurer {

        private final AgendaJobs jobs;
        private final AgendaProperties properties;
        private final Clock clock;

        Scheduling(AgendaJobs jobs, AgendaProperties properties, Clock clock) {
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
