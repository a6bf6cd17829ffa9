package org.maillage.platform;

/**
 * Data a module loads at start-up when it is absent: reference geography, the Brittany network of
 * pôles… The platform calls every implementation once the database is migrated, in their
 * {@link org.springframework.core.annotation.Order} (a module's data after the data it needs).
 *
 * <p>The platform calls them all in one transaction holding an advisory lock: several application
 * nodes starting at once load the data once. Implementations never overwrite what exists.
 */
public interface StartupData {

    void loadIfAbsent(SeedProperties seed);
}
