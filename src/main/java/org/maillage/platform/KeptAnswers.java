package org.maillage.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers kept for a while in memory, and dropped at once when what they come from changes on this
 * node (after the change's transaction commits: kept before, another request could keep the old
 * answer). A change made on another node shows when an entry's time is up. Each module keeps its own
 * (the directory's searches, the list of the pôles); an answer computed while a change was committed
 * is not kept.
 */
public class KeptAnswers {

    /** Beyond this many entries the oldest are not worth keeping: start again. */
    private static final int MAX_ENTRIES = 2_000;

    private record Entry(Object value, Instant expires) {}

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Changes committed on this node so far. */
    private final AtomicLong generation = new AtomicLong();

    /**
     * The value kept under {@code key} (a record or an immutable map: its equality is the entry's), or
     * computed and kept {@code ttl}; zero: computed every time.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Duration ttl, Supplier<T> compute) {
        if (ttl.isZero()) {
            return compute.get();
        }
        Instant now = Instant.now();
        Entry entry = entries.get(key);
        if (entry == null || !entry.expires().isAfter(now)) {
            long before = generation.get();
            entry = new Entry(compute.get(), now.plus(ttl));
            if (generation.get() == before) { // else a change was committed while computing: do not keep it
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, entry);
            }
        }
        return (T) entry.value();
    }

    /**
     * After a change of the directory on this node: once the transaction commits (counted before,
     * another request could keep the old counts).
     */
    public void clearAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(this)) {
                return; // once per transaction (an import inserts many)
            }
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KeptAnswers.this);
                }
            });
        } else {
            clear();
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
