package org.maillage.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maillage.MaillageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code spring.datasource.url} (what {@code SPRING_DATASOURCE_URL} sets), Maillage connects
 * to that server, migrates and seeds it, and starts no PostgreSQL of its own.
 */
class ExternalDatabaseIT {

    @TempDir
    Path directory;

    @Test
    void aConfiguredServerIsUsedAndNothingIsStarted() throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(CrashingApplication.properties(directory));
                ConfigurableApplicationContext app = new SpringApplicationBuilder(MaillageApplication.class)
                        .run("--server.port=0", "--spring.datasource.url=" + external.jdbcUrl(),
                                "--maillage.embedded-database.directory=" + directory.resolve("must-not-be-created"))) {
            assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(((HikariDataSource) app.getBean(DataSource.class)).getJdbcUrl()).isEqualTo(external.jdbcUrl());
            assertThat(directory.resolve("must-not-be-created")).doesNotExist();
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select count(*) from territory.commune where region_code = '53'").query(Integer.class).single())
                    .isEqualTo(1202);
            assertThat(jdbc.sql("select count(*) from network.pole").query(Integer.class).single()).isEqualTo(20);
        }
    }
}
