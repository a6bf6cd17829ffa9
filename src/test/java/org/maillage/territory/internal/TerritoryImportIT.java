package org.maillage.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maillage.network.PoleResolution;
import org.maillage.network.Poles;
import org.maillage.support.Http;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Territories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The importer on files in the package's own format beyond Brittany (Paris, its arrondissements
 * municipaux and the Métropole du Grand Paris): what the whole-of-France import goes through.
 */
@MaillageIntegrationTest
class TerritoryImportIT {

    @Autowired
    DecoupageAdministratifImporter importer;

    @Autowired
    Territories territories;

    @Autowired
    Poles poles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @LocalServerPort
    int port;

    private DecoupageAdministratifImporter.Report importParis() {
        return importer.importFiles(name -> new ClassPathResource("territory/paris/" + name).getInputStream(), "test-paris", "6.0.0", false);
    }

    @BeforeEach
    void load() {
        importParis();
    }

    @Test
    void importsCommunesArrondissementsAndPostalCodes() {
        CommuneSuggestion byPostalCode = territories.suggestCommunes("75002", 5).get(0);
        assertThat(byPostalCode.commune().name()).isEqualTo("Paris");
        assertThat(byPostalCode.label()).isEqualTo("Paris (75002)");
        assertThat(byPostalCode.commune().epciName()).isEqualTo("Métropole du Grand Paris");

        CommuneSuggestion byArrondissement = territories.suggestCommunes("paris 2e", 5).get(0);
        assertThat(byArrondissement.commune().code()).isEqualTo("75056");
        assertThat(byArrondissement.matchedAlias()).isEqualTo("Paris 2e Arrondissement");
        assertThat(territories.findCommune("75056").orElseThrow().regionName()).isEqualTo("Île-de-France");
    }

    @Test
    void importingAgainChangesNothing() {
        int communes = jdbc.sql("select count(*) from territory.commune").query(Integer.class).single();
        int postalCodes = jdbc.sql("select count(*) from territory.commune_postal_code").query(Integer.class).single();
        DecoupageAdministratifImporter.Report report = importParis();
        assertThat(report.communes()).isEqualTo(1);
        assertThat(report.aliases()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from territory.commune").query(Integer.class).single()).isEqualTo(communes);
        assertThat(jdbc.sql("select count(*) from territory.commune_postal_code").query(Integer.class).single()).isEqualTo(postalCodes);
    }

    @Test
    void aCompleteImportRemovesWhatTheNewFilesNoLongerList() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly(); // the shared test database keeps Brittany
            DecoupageAdministratifImporter.Report report = importer.importFiles(
                    name -> new ClassPathResource("territory/paris/" + name).getInputStream(), "test-paris", "6.0.0", true);
            assertThat(report.removedCommunes()).contains("35238", "44128").doesNotContain("75056");
            assertThat(report.removedEpcis()).contains("243500139").doesNotContain("200054781");
            assertThat(jdbc.sql("select code from territory.commune").query(String.class).list()).containsExactly("75056");
            assertThat(jdbc.sql("select count(*) from territory.pays_epci").query(Integer.class).single()).isZero();
            assertThat(territories.suggestCommunes("rennes", 5)).isEmpty();
        });
        assertThat(jdbc.sql("select count(*) from territory.commune where region_code = '53'").query(Integer.class).single())
                .isEqualTo(1202);
        assertThat(territories.suggestCommunes("rennes", 5)).isNotEmpty();
    }

    @Test
    void aCommuneOfARegionWithoutNetworkIsToldWhereToTurn() {
        PoleResolution resolution = poles.resolve("75056");
        assertThat(resolution.covered()).isFalse();
        assertThat(resolution.coordination()).isNull();
        HttpResponse<String> page = new Http(port).get("/trouver-mon-pole/75056");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Aucun pôle ESS ne couvre encore Paris")
                .contains("Pas encore de réseau de pôles dans votre région");
    }
}
