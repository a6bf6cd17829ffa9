package org.maillage.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The official geography of Brittany (@etalab/decoupage-administratif 6.0.0) as loaded at start-up. */
@MaillageIntegrationTest
class TerritoryDataIT {

    private static final String REDON_AGGLOMERATION = "243500741";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Territories territories;

    @Autowired
    ObjectMapper json;

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    @Test
    void brittanyHasItsFourDepartements() {
        assertThat(jdbc.sql("select code from territory.departement where region_code = '53' order by code")
                .query(String.class).list()).containsExactly("22", "29", "35", "56");
    }

    @Test
    void allCommunesOfBrittanyAreLoaded() {
        assertThat(count("select count(*) from territory.commune where region_code = '53'")).isEqualTo(1202);
        assertThat(jdbc.sql("select departement_code, count(*) from territory.commune where region_code = '53' "
                        + "group by departement_code order by departement_code")
                .query((rs, row) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .containsExactly("22=344", "29=277", "35=332", "56=249");
    }

    @Test
    void everyEpciWithACommuneInBrittanyIsLoadedWithAllItsMembers() throws IOException {
        assertThat(count("""
                select count(distinct e.code) from territory.epci e
                join territory.commune c on c.epci_code = e.code where c.region_code = '53'
                """)).isEqualTo(61);
        // No EPCI is loaded with only part of its members: Redon Agglomération and Cap Atlantique
        // bring their Loire-Atlantique communes with them. Compared with the shipped epci.json.
        JsonNode epcis = json.readTree(new ClassPathResource("territory/decoupage-administratif/epci.json").getInputStream());
        assertThat(epcis).hasSize(61);
        for (JsonNode epci : epcis) {
            List<String> members = new ArrayList<>();
            epci.get("membres").forEach(member -> members.add(member.get("code").asString()));
            assertThat(jdbc.sql("select code from territory.commune where epci_code = :epci").param("epci", epci.get("code").asString())
                    .query(String.class).list()).as(epci.get("nom").asString()).containsExactlyInAnyOrderElementsOf(members);
        }
        assertThat(count("select count(*) from territory.commune where region_code = '53' and epci_code is null"))
                .as("Ouessant, Île-de-Sein, Île-de-Bréhat belong to no EPCI").isEqualTo(3);
    }

    @Test
    void redonAgglomerationCrossesTheRegionalBorder() {
        List<String> departements = jdbc.sql("""
                select departement_code || ':' || count(*) from territory.commune where epci_code = :epci
                group by departement_code order by departement_code
                """).param("epci", REDON_AGGLOMERATION).query(String.class).list();
        assertThat(departements).containsExactly("35:12", "44:8", "56:11");
        assertThat(territories.communeCodesOfEpcis(List.of(REDON_AGGLOMERATION)))
                .hasSize(31)
                .contains("35236", "44128", "44185");
    }

    @Test
    void paysGroupTheEpciOfBrittany() {
        assertThat(territories.paysOfRegion("53")).hasSize(21);
        assertThat(count("select count(*) from territory.pays_epci")).isEqualTo(59);
        Pays brest = territories.findPays("brest").orElseThrow();
        assertThat(brest.verified()).isTrue();
        assertThat(brest.epciCodes()).hasSize(7).contains("242900314");
        assertThat(territories.findPays("redon").orElseThrow().verified()).isFalse();
    }

    @Test
    void postalCodesAndDelegatedCommunesAreKept() {
        assertThat(territories.findCommune("35238").orElseThrow().postalCodes()).containsExactly("35000", "35200", "35700");
        assertThat(count("select count(*) from territory.commune_alias a join territory.commune c on c.code = a.commune_code "
                + "where c.region_code = '53'")).isEqualTo(100);
    }

    @Test
    void theLoadedDatasetIsRecorded() {
        assertThat(jdbc.sql("select version from territory.dataset where name = 'bretagne'").query(String.class).single())
                .isEqualTo("6.0.0");
    }
}
