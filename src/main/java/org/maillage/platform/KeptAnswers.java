package org.maillage.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** How long after its time an answer may still be given while it is computed again. */
    static final Duration STALE_GRACE = Duration.ofSeconds(5);

    /** Beyond this many entries the oldest are not worth keeping: start again. */
    private final int maxEntries;
    private final Duration staleGrace;

    /**
     * An answer, or the one being computed (the requests that want it meanwhile wait for it, or get
     * {@code previous}, the answer it replaces once its time was up, when there is one).
     */
    private record Entry(CompletableFuture<Object> value, Instant expires, Object previous) {}

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Changes committed on this node so far. */
    private final AtomicLong generation = new AtomicLong();

    /** At most 2,000 entries. */
    public KeptAnswers() {
        this(2_000);
    }

    public KeptAnswers(int maxEntries) {
        this(maxEntries, STALE_GRACE);
    }

    /** For tests: how long after its time an answer may still be given while computed again. */
    KeptAnswers(int maxEntries, Duration staleGrace) {
        this.maxEntries = Math.max(1, maxEntries);
        this.staleGrace = staleGrace;
    }

    /**
     * The value kept under {@code key} (a record or an immutable map: its equality is the entry's), or
     * computed and kept {@code ttl}; zero: computed every time. One request computes a missing or
     * expired answer; the others that want it meanwhile wait for it instead of computing it too, or,
     * when it replaces an answer whose time was up less than {@link #STALE_GRACE} ago (or its ttl,
     * if shorter), get that answer at once: at most that much older than its time allows, and after
     * a change on this node nothing older is given.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Duration ttl, Supplier<T> compute) {
        if (ttl.isZero()) {
            return compute.get();
        }
        Instant now = Instant.now();
        Entry entry = entries.get(key);
        if (entry != null && entry.expires().isAfter(now)) {
            return (T) answer(entry);
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        // the answer it replaces is given meanwhile only if its time was up a moment ago: one that went
        // unread for longer may be far older than its time allows
        boolean justExpired = entry != null && entry.expires().plus(min(ttl, staleGrace)).isAfter(now);
        Object previous = justExpired && entry.value().isDone() && !entry.value().isCompletedExceptionally()
                ? entry.value().join() : null;
        Entry mine = new Entry(new CompletableFuture<>(), now.plus(ttl), previous);
        boolean claimed = entry == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, entry, mine);
        if (!claimed) { // another request claimed it first: its answer, or computed here without keeping it
            Entry other = entries.get(key);
            return other != null ? (T) answer(other) : compute.get();
        }
        long before = generation.get();
        T value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.value().completeExceptionally(e);
            throw e;
        }
        mine.value().complete(value);
        if (generation.get() != before) { // a change was committed while computing: do not keep it
            entries.remove(key, mine);
        } else if (previous != null) { // the answer it replaced is not needed any more
            entries.replace(key, mine, new Entry(mine.value(), mine.expires(), null));
        }
        return value;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** The entry's answer; while it is computed again, the one it replaces, else waited for. */
    private static Object answer(Entry entry) {
        if (!entry.value().isDone() && entry.previous() != null) {
            return entry.previous();
        }
        return await(entry.value());
    }

    private static Object await(CompletableFuture<Object> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * After a change on this node: once the transaction commits (dropped before, another request
     * could keep the old answer).
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

    /** Drops every answer now (outside any transaction, or in tests). */
    public void forget() {
        clear();
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
