package org.maillage.agenda.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders to the people with a place, the day before their event; erasure of the registrants' names
 * and addresses once the event is over for longer than the retention. One node runs them at a time
 * (an advisory lock held by the run's transaction); each reminder is sent in its own transaction whose
 * statement checks that it is still due, so it goes once, and one that fails is tried at the next run.
 */
@Component
class AgendaJobs {

    private static final Logger log = LoggerFactory.getLogger(AgendaJobs.class);
    private static final long LOCK = 0x4147454e4441L; // "AGENDA"
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final AgendaService agenda;
    private final AgendaProperties properties;
    private final TransactionTemplate lockHolder;
    private final TransactionTemplate eachOne;

    AgendaJobs(JdbcClient jdbc, AgendaService agenda, AgendaProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.agenda = agenda;
        this.properties = properties;
        this.lockHolder = new TransactionTemplate(transactions);
        this.eachOne = new TransactionTemplate(transactions);
        this.eachOne.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends the reminders due at {@code now}; how many. Nothing when another node is sending them. */
    int run(Instant now) {
        Integer sent = lockHolder.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
                return 0;
            }
            List<Long> due = jdbc.sql("""
                    select r.id from agenda.registration r join agenda.event e on e.id = r.event_id
                    where r.status = 'CONFIRMED' and r.reminded_at is null and e.published and e.cancelled_at is null
                      and e.starts_at > :now and e.starts_at <= :until
                    order by r.id limit :batch
                    """).param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(properties.reminderBefore())))
                    .param("batch", BATCH).query(Long.class).list();
            int done = 0;
            for (long id : due) {
                try {
                    if (Boolean.TRUE.equals(eachOne.execute(inner -> agenda.remind(id, now)))) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Agenda job: reminder {} failed, tried again at the next run", id, e);
                }
            }
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
        return sent == null ? 0 : sent;
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
