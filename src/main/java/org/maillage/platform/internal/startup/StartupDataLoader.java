package org.maillage.platform.internal.startup;

import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the modules' {@link StartupData}, in order, once the database is migrated and before the web
 * server opens: the first request already finds the data.
 */
@Component
class StartupDataLoader implements SmartInitializingSingleton {

    private final ObjectProvider<StartupData> data;
    private final SeedProperties seed;

    StartupDataLoader(ObjectProvider<StartupData> data, SeedProperties seed) {
        this.data = data;
        this.seed = seed;
    }

    @Override
    public void afterSingletonsInstantiated() {
        data.orderedStream().forEach(module -> module.loadIfAbsent(seed));
    }
}
