package org.maillage.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The communes' centres (from @etalab/fr-bounding-boxes) as loaded at start-up, and the EPCI's. */
@MaillageIntegrationTest
class CommuneCentresIT {

    private static final String RENNES = "35238";
    private static final String BREST = "29019";
    private static final String RENNES_METROPOLE = "243500139";
    private static final String BREST_METROPOLE = "242900314";

    @Autowired
    Territories territories;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rennesAndBrestAreWhereTheyAre() {
        Map<String, GeoPoint> centres = territories.communeCentres(List.of(RENNES, BREST));
        assertThat(centres).containsOnlyKeys(RENNES, BREST);
        assertThat(centres.get(RENNES).latitude()).isCloseTo(48.11, within(0.1));
        assertThat(centres.get(RENNES).longitude()).isCloseTo(-1.68, within(0.1));
        assertThat(centres.get(BREST).latitude()).isCloseTo(48.39, within(0.1));
        assertThat(centres.get(BREST).longitude()).isCloseTo(-4.49, within(0.1));
    }

    @Test
    void everyShippedCommuneHasACentreInsideItsRegion() {
        // Brittany and the Loire-Atlantique members of its EPCI (other tests may import other regions).
        assertThat(jdbc.sql("select count(*) from territory.commune where region_code in ('52', '53') and latitude is null")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from territory.commune where region_code in ('52', '53')
                    and (latitude not between 46.8 and 48.95 or longitude not between -5.2 and -1.0)
                """).query(Integer.class).single()).isZero();
    }

    @Test
    void unknownCodesAndNothingGiveNothing() {
        assertThat(territories.communeCentres(List.of("99999", RENNES))).containsOnlyKeys(RENNES);
        assertThat(territories.communeCentres(List.of())).isEmpty();
        assertThat(territories.epciCentres(List.of("000000000"))).isEmpty();
        assertThat(territories.epciCentres(List.of())).isEmpty();
    }

    @Test
    void anEpciCentreIsTheMeanOfItsMembersWeightedByPopulation() {
        Map<String, GeoPoint> centres = territories.epciCentres(List.of(RENNES_METROPOLE, BREST_METROPOLE));
        assertThat(centres).containsOnlyKeys(RENNES_METROPOLE, BREST_METROPOLE);
        GeoPoint rennes = territories.communeCentres(List.of(RENNES)).get(RENNES);
        GeoPoint metropole = centres.get(RENNES_METROPOLE);
        assertThat(metropole.latitude()).isCloseTo(rennes.latitude(), within(0.2));
        assertThat(metropole.longitude()).isCloseTo(rennes.longitude(), within(0.2));
        assertThat(centres.get(BREST_METROPOLE).longitude()).isCloseTo(-4.49, within(0.2));

        // The same weighted mean, computed here from the members.
        double[] sums = new double[3];
        jdbc.sql("select latitude, longitude, population from territory.commune where epci_code = :epci")
                .param("epci", RENNES_METROPOLE)
                .query(rs -> {
                    sums[0] += rs.getDouble("latitude") * rs.getInt("population");
                    sums[1] += rs.getDouble("longitude") * rs.getInt("population");
                    sums[2] += rs.getInt("population");
                });
        assertThat(metropole.latitude()).isCloseTo(sums[0] / sums[2], within(1e-9));
        assertThat(metropole.longitude()).isCloseTo(sums[1] / sums[2], within(1e-9));
    }
}
