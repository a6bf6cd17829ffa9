package org.maillage.platform;

/**
 * Data a module loads at start-up when it is absent: reference geography, the Brittany network of
 * pôles… The platform calls every implementation once the database is migrated, in their
 * {@link org.springframework.core.annotation.Order} (a module's data after the data it needs).
 *
 * <p>Implementations never overwrite what exists and guard themselves against several application
 * nodes starting at once (an advisory lock in their transaction).
 */
public interface StartupData {

    void loadIfAbsent(SeedProperties seed);
}
