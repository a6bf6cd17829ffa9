package org.maillage.platform;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a module's scheduled jobs run with several nodes: one node at a time, holding a PostgreSQL
 * advisory lock in a transaction of its own (which only reads what is due and does set-based work);
 * each thing due is then done in its own transaction, whose statement checks again that it is still
 * due: it is done once, and one that fails (logged) neither undoes nor blocks the others; it is tried
 * again at the next run.
 */
@Component
public class OneNodeJobs {

    private static final Logger log = LoggerFactory.getLogger(OneNodeJobs.class);

    /** Does each thing in its own transaction; counts those done (the work returned true). */
    @FunctionalInterface
    public interface Each {
        int each(String what, List<Long> ids, LongPredicate work);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate lockHolder;
    private final TransactionTemplate eachThing;

    OneNodeJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.lockHolder = new TransactionTemplate(transactions);
        this.eachThing = new TransactionTemplate(transactions);
        this.eachThing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs the job under the advisory lock {@code lock}; {@code whenBusy} when another node holds it.
     *
     * @param job the module's job, name for its log lines
     */
    public <T> T run(String job, long lock, T whenBusy, Function<Each, T> body) {
        T result = lockHolder.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", lock).query(Boolean.class).single()) {
                return whenBusy;
            }
            return body.apply((what, ids, work) -> each(job, what, ids, work));
        });
        return result == null ? whenBusy : result;
    }

    private int each(String job, String what, List<Long> ids, LongPredicate work) {
        int done = 0;
        for (long id : ids) {
            try {
                if (Boolean.TRUE.equals(eachThing.execute(status -> work.test(id)))) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.warn("{} job: {} {} failed, tried again at the next run", job, what, id, e);
            }
        }
        return done;
    }
}
