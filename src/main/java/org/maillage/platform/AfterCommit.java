package org.maillage.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must follow a change only once it is committed (forgetting what a cache kept, say). */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs the work after the current transaction commits (not at all if it rolls back), or now without one. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
