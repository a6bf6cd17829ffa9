package org.maillage.platform.internal.startup;

import java.util.List;
import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs the modules' {@link StartupData}, in order, when the application starts. */
@Component
@Order(100)
class StartupDataLoader implements ApplicationRunner {

    private final List<StartupData> data;
    private final SeedProperties seed;

    StartupDataLoader(List<StartupData> data, SeedProperties seed) {
        this.data = data;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        data.forEach(module -> module.loadIfAbsent(seed));
    }
}
