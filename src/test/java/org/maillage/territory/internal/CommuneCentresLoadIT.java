package org.maillage.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.maillage.platform.SeedProperties;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** How the shipped centres reach a database: also one loaded before they existed, and only once. */
@MaillageIntegrationTest
class CommuneCentresLoadIT {

    @Autowired
    TerritoryReferenceData referenceData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** Among the shipped communes: other tests may import communes elsewhere, without centres. */
    private int withoutCentre() {
        return jdbc.sql("select count(*) from territory.commune where latitude is null and region_code in ('52', '53')").query(Integer.class).single();
    }

    @Test
    void theCentresAreRecordedAsADataset() {
        assertThat(jdbc.sql("select version || ':' || communes from territory.dataset where name = 'centres-bretagne'")
                .query(String.class).single()).isEqualTo("0.1.3:1222");
    }

    @Test
    void aDatabaseLoadedBeforeTheCentresGetsThemAtTheNextStart() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly(); // the shared test database keeps its centres
            jdbc.sql("update territory.commune set latitude = null, longitude = null").update();
            jdbc.sql("delete from territory.dataset where name = 'centres-bretagne'").update();
            assertThat(withoutCentre()).isEqualTo(1222);

            referenceData.loadIfAbsent(new SeedProperties(true));
            assertThat(withoutCentre()).isZero();
        });
    }

    @Test
    void centresAlreadyLoadedAreNotLoadedAgain() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("update territory.commune set latitude = null, longitude = null where code = '35238'").update();
            referenceData.loadIfAbsent(new SeedProperties(true));
            assertThat(withoutCentre()).isEqualTo(1);
        });
    }
}
