package org.maillage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of DESIGN.md §3 exist and only use each other through their APIs. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(MaillageApplication.class);

    @Test
    void modulesOnlyUseEachOthersApi() {
        modules.verify();
    }

    @Test
    void everyDomainModuleOfTheDesignExists() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .containsExactlyInAnyOrder(
                        "org.maillage.territory", "org.maillage.network", "org.maillage.directory", "org.maillage.offer",
                        "org.maillage.journey", "org.maillage.cooperation", "org.maillage.agenda",
                        "org.maillage.observatory", "org.maillage.account", "org.maillage.platform");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
