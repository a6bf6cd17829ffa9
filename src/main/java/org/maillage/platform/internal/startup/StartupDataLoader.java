package org.maillage.platform.internal.startup;

import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the modules' {@link StartupData}, in order, once the database is migrated and before the web
 * server opens (the first request already finds the data): in one transaction holding an advisory
 * lock, so that several nodes starting together load the data once.
 */
@Component
class StartupDataLoader implements SmartInitializingSingleton {

    private static final long LOCK = 0x4d41494c4c414745L; // "MAILLAGE"

    private final ObjectProvider<StartupData> data;
    private final SeedProperties seed;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StartupDataLoader(ObjectProvider<StartupData> data, SeedProperties seed, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.data = data;
        this.seed = seed;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleValue();
            data.orderedStream().forEach(module -> module.loadIfAbsent(seed));
        });
    }
}
