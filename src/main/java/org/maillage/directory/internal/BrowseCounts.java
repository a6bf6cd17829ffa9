package org.maillage.directory.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The facet counts of the directory browsed without words, by chosen facets, kept for a while:
 * counting every published structure costs a scan of the whole table (about a second at 250,000),
 * and these counts change only when a structure does.
 */
@Component
class BrowseCounts {

    /** Beyond this many facet combinations the oldest are not worth keeping: start again. */
    private static final int MAX_ENTRIES = 1_000;

    private record Entry(SearchCounts counts, Instant expires) {}

    private final Map<Map<String, String>, Entry> entries = new ConcurrentHashMap<>();
    /** Changes committed on this node so far. */
    private final AtomicLong generation = new AtomicLong();
    private final DirectoryProperties properties;

    BrowseCounts(DirectoryProperties properties) {
        this.properties = properties;
    }

    SearchCounts get(Map<String, String> chosenFacets, Supplier<SearchCounts> count) {
        if (properties.browseCountsTtl().isZero()) {
            return count.get();
        }
        Instant now = Instant.now();
        Entry entry = entries.get(chosenFacets);
        if (entry == null || !entry.expires().isAfter(now)) {
            long before = generation.get();
            entry = new Entry(count.get(), now.plus(properties.browseCountsTtl()));
            if (generation.get() == before) { // else a change was committed while counting: do not keep these
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(Map.copyOf(chosenFacets), entry);
            }
        }
        return entry.counts();
    }

    /**
     * After a change of the directory on this node: once the transaction commits (counted before,
     * another request could keep the old counts).
     */
    void clearAfterCommit() {
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
                    TransactionSynchronizationManager.unbindResourceIfPossible(BrowseCounts.this);
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
