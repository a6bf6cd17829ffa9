package org.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maillage.platform.NotFoundException;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Commune → pôle for real communes of the four départements of Brittany (and beyond its border). */
@MaillageIntegrationTest
class PoleResolutionIT {

    @Autowired
    Poles poles;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{1} ({0}) → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            29019 | Brest                  | adess-pays-de-brest
            29103 | Landerneau             | adess-pays-de-brest
            29042 | Crozon                 | adess-pays-de-brest
            29155 | Ouessant               | adess-pays-de-brest
            29232 | Quimper                | adess-cornouaille
            29039 | Concarneau             | adess-cornouaille
            29083 | Île-de-Sein            | adess-cornouaille
            29151 | Morlaix                | adess-pays-de-morlaix
            29024 | Carhaix-Plouguer       | adesk
            22266 | Rostrenen              | adesk
            35238 | Rennes                 | reso-solidaire
            35288 | Saint-Malo             | horizons-solidaires
            35085 | Combourg               | horizons-solidaires
            35115 | Fougères               | ecosolidaires
            35360 | Vitré                  | pole-ess-pays-de-vitre
            35136 | Janzé                  | pole-ess-pays-de-vitre
            35012 | Bain-de-Bretagne       | vallons-solidaires
            35188 | Montfort-sur-Meu       | bras
            35236 | Redon                  | cades
            44128 | Plessé                 | cades
            44185 | Saint-Nicolas-de-Redon | cades
            56260 | Vannes                 | e2s-pays-de-vannes
            56184 | Questembert            | e2s-pays-de-vannes
            56121 | Lorient                | pole-ess-pays-de-lorient
            56178 | Pontivy                | adess-centre-bretagne
            56010 | Baud                   | adess-centre-bretagne
            22136 | Loudéac                | adess-centre-bretagne
            56165 | Ploërmel               | essentiel-ploermel
            56007 | Auray                  | pole-ess-pays-d-auray
            56152 | Le Palais              | pole-ess-pays-d-auray
            22050 | Dinan                  | pole-ess-pays-de-dinan
            22278 | Saint-Brieuc           | pole-ess-pays-de-saint-brieuc
            22203 | Plœuc-L'Hermitage      | pole-ess-pays-de-saint-brieuc
            22093 | Lamballe-Armor         | pole-ess-pays-de-saint-brieuc
            22070 | Guingamp               | pole-ess-pays-de-guingamp
            22016 | Île-de-Bréhat          | pole-ess-pays-de-guingamp
            22113 | Lannion                | pole-ess-pays-du-tregor-goelo
            """)
    void resolvesTheCommuneToItsPole(String code, String name, String slug) {
        PoleResolution resolution = poles.resolve(code);
        assertThat(resolution.commune().name()).isEqualTo(name);
        assertThat(resolution.covered()).isTrue();
        assertThat(resolution.pole().slug()).isEqualTo(slug);
        assertThat(resolution.coordination().code()).isEqualTo("bretagne");
    }

    @Test
    void aCommuneOfAnUnsettledEpciFallsBackToTheRegionalCoordination() {
        PoleResolution resolution = poles.resolve("22206"); // Châtelaudren-Plouagat, CC Leff Armor
        assertThat(resolution.covered()).isFalse();
        assertThat(resolution.coordination().coordination().name()).contains("CRESS Bretagne");
        assertThat(resolution.coordination().coordination().phone()).isEqualTo("02 99 85 91 91");
    }

    @Test
    void aCommuneOutsideBrittanyCoveredByABretonPoleGetsThatPoleAndItsCoordination() {
        PoleResolution resolution = poles.resolve("44067"); // Guémené-Penfao (Loire-Atlantique), Redon Agglomération
        assertThat(resolution.pole().slug()).isEqualTo("cades");
        assertThat(resolution.commune().regionCode()).isEqualTo("52");
        assertThat(resolution.coordination().code()).isEqualTo("bretagne");
    }

    @Test
    void verifiedAndProvisionalCoverageAreTold() {
        assertThat(poles.resolve("29019").coverageVerified()).as("Pays de Brest is sourced").isTrue();
        assertThat(poles.resolve("29155").coverageVerified()).as("Ouessant, attached one by one").isFalse();
        assertThat(poles.resolve("35238").coverageVerified()).as("Pays de Rennes is to be checked").isFalse();
    }

    @Test
    void everyCommuneOfBrittanyButTheUnsettledOnesHasExactlyOnePole() {
        int uncovered = jdbc.sql("""
                select count(*) from territory.commune c
                where c.region_code = '53'
                  and not exists (select 1 from network.pole_coverage_epci e where e.epci_code = c.epci_code)
                  and not exists (select 1 from network.pole_coverage_commune p where p.commune_code = c.code)
                """).query(Integer.class).single();
        // Leff Armor (27 communes, pays unsettled) and the 3 Morbihan communes of Cap Atlantique.
        assertThat(uncovered).isEqualTo(30);
        int coveredTwice = jdbc.sql("""
                select count(*) from (
                    select c.code from territory.commune c
                    join (select pole_id, epci_code, null as commune_code from network.pole_coverage_epci
                          union all
                          select pole_id, null, commune_code from network.pole_coverage_commune) cov
                      on cov.epci_code = c.epci_code or cov.commune_code = c.code
                    group by c.code having count(distinct cov.pole_id) > 1) twice
                """).query(Integer.class).single();
        assertThat(coveredTwice).isZero();
        // the 20 pôles of the Brittany seed (other test classes add "Pôle test …" pôles)
        assertThat(poles.list()).filteredOn(pole -> !pole.slug().startsWith("pole-test-")).hasSize(20);
    }

    @Test
    void unknownCommuneIsNotFound() {
        assertThatThrownBy(() -> poles.resolve("99999")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> poles.resolve("abc")).isInstanceOf(NotFoundException.class);
    }
}
