package org.maillage.network.internal;

import org.maillage.platform.SeedProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up, creates the Brittany network of pôles when absent (after the territory seed). */
@Component
@Order(200)
class NetworkSeeder implements ApplicationRunner {

    private final NetworkReferenceData referenceData;
    private final SeedProperties seed;

    NetworkSeeder(NetworkReferenceData referenceData, SeedProperties seed) {
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
