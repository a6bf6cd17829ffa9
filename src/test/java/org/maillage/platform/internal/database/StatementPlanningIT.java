package org.maillage.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every connection plans each statement for its own values (spring.datasource.hikari.connection-init-sql):
 * with PostgreSQL's generic plans, the animator inbox's counts scanned every project after the fifth
 * run of the statement on a connection (docs/BENCHMARKS.md §11).
 */
@MaillageIntegrationTest
class StatementPlanningIT {

    @Autowired
    DataSource dataSource;

    @Test
    void everyConnectionOfThePoolPlansEachStatementForItsOwnValues() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("show plan_cache_mode")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("force_custom_plan");
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }
}
