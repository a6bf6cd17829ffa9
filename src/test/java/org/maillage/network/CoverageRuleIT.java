package org.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maillage.platform.RuleViolationException;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coverage change that would give a commune two pôles of the same network is refused; nothing is written. */
@MaillageIntegrationTest
class CoverageRuleIT {

    private static final String RENNES_METROPOLE = "243500139";
    private static final String VITRE_COMMUNAUTE = "200039022";
    private static final String ROCHE_AUX_FEES = "243500634";
    private static final String LEFF_ARMOR = "200069086";
    private static final String GUINGAMP_PAIMPOL = "200067981";

    @Autowired
    Poles poles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    private PoleSummary pole(String slug) {
        return poles.findBySlug(slug).orElseThrow().pole();
    }

    private List<String> coverageRows() {
        return jdbc.sql("""
                select pole_id || ':' || epci_code || ':' || verified from network.pole_coverage_epci
                union all
                select pole_id || ':' || commune_code || ':' || verified from network.pole_coverage_commune
                order by 1
                """).query(String.class).list();
    }

    @Test
    void takingAnEpciOfAnotherPoleIsRefusedWithAClearMessage() {
        List<String> before = coverageRows();
        PoleSummary vitre = pole("pole-ess-pays-de-vitre");

        assertThatThrownBy(() -> poles.changeCoverage(vitre.id(),
                CoverageChange.of(Set.of(VITRE_COMMUNAUTE, ROCHE_AUX_FEES, RENNES_METROPOLE), Set.of(), false)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    String message = messages.getMessage(e.messageKey(), e.arguments(), Locale.FRENCH);
                    assertThat(message)
                            .startsWith("Modification refusée : 43 commune(s) relèveraient à la fois de « Pôle ESS du Pays de Vitré »")
                            .contains("« RÉSO solidaire »")
                            .contains("Une commune ne relève que d’un seul pôle du réseau");
                });
        assertThat(coverageRows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void coveringOneByOneACommuneAlreadyCoveredThroughItsEpciIsRefused() {
        List<String> before = coverageRows();
        PoleSummary cornouaille = pole("adess-cornouaille");
        Map<String, Boolean> epcis = Map.of("200068120", false); // keep one EPCI, add Brest
        assertThatThrownBy(() -> poles.changeCoverage(cornouaille.id(),
                new CoverageChange(epcis, Map.of("29019", false))))
                .isInstanceOfSatisfying(RuleViolationException.class, e ->
                        assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.FRENCH))
                                .contains("Brest (29019) — « ADESS Pays de Brest »"));
        assertThat(coverageRows()).isEqualTo(before);
    }

    @Test
    void aResolutionKeptByTheNodeFollowsACoverageChangeAtOnce() {
        PoleCoverage before = poles.findBySlug("adess-cornouaille").orElseThrow();
        String epci = before.epcis().get(0).epci().code();
        String commune = jdbc.sql("select code from territory.commune where epci_code = :epci order by code limit 1")
                .param("epci", epci).query(String.class).single();
        assertThat(poles.resolve(commune).pole().slug()).isEqualTo("adess-cornouaille"); // kept from now on
        Map<String, Boolean> epcis = before.epcis().stream()
                .collect(Collectors.toMap(e -> e.epci().code(), PoleCoverage.CoveredEpci::verified));
        Map<String, Boolean> communes = before.communes().stream()
                .collect(Collectors.toMap(c -> c.commune().code(), PoleCoverage.CoveredCommune::verified));
        Map<String, Boolean> without = new java.util.HashMap<>(epcis);
        without.remove(epci);
        try {
            poles.changeCoverage(before.pole().id(), new CoverageChange(without, communes));
            PoleSummary now = poles.resolve(commune).pole();
            assertThat(now == null ? "none" : now.slug()).isNotEqualTo("adess-cornouaille");
        } finally {
            poles.changeCoverage(before.pole().id(), new CoverageChange(epcis, communes));
        }
        assertThat(poles.resolve(commune).pole().slug()).isEqualTo("adess-cornouaille");
    }

    @Test
    void unknownCodesAreRefused() {
        PoleSummary guingamp = pole("pole-ess-pays-de-guingamp");
        assertThatThrownBy(() -> poles.changeCoverage(guingamp.id(), CoverageChange.of(Set.of("123456789"), Set.of(), false)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("network.coverage.unknownEpci"));
    }

    @Test
    void aFreeEpciCanBeAddedAndTheCommunesFollow() {
        PoleSummary guingamp = pole("pole-ess-pays-de-guingamp");
        assertThat(poles.resolve("22206").covered()).isFalse();
        try {
            poles.changeCoverage(guingamp.id(), new CoverageChange(
                    Map.of(GUINGAMP_PAIMPOL, false, LEFF_ARMOR, false), Map.of("22016", false)));
            assertThat(poles.resolve("22206").pole().slug()).isEqualTo("pole-ess-pays-de-guingamp");
        } finally {
            poles.changeCoverage(guingamp.id(), new CoverageChange(Map.of(GUINGAMP_PAIMPOL, false), Map.of("22016", false)));
        }
        assertThat(poles.resolve("22206").covered()).isFalse();
    }
}
