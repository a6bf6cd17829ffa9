package org.maillage.territory.internal;

import org.maillage.platform.SeedProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up, loads the geography of Brittany when it is absent (before the network's seed). */
@Component
@Order(100)
class TerritorySeeder implements ApplicationRunner {

    private final TerritoryReferenceData referenceData;
    private final SeedProperties seed;

    TerritorySeeder(TerritoryReferenceData referenceData, SeedProperties seed) {
        this.referenceData = referenceData;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seed.brittany()) {
            referenceData.ensureBrittany();
        }
    }
}
