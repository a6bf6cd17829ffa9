package org.maillage.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.maillage.MaillageApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as a command, without a web server, as {@code --import-territories} runs it
 * ({@code scripts/territory/import-france.sh}): every bean it needs is there without the web layer
 * (the accounts' password encoder once lived in the web security configuration, and the command
 * failed to start), and the reference data is loaded.
 */
class TerritoryImportCommandIT {

    @Test
    void theApplicationStartsWithoutAWebServer() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MaillageApplication.class)
                .web(WebApplicationType.NONE)
                .run("--maillage.embedded-database.temporary=true", "--logging.level.root=WARN")) {
            assertThat(context.getBean(TerritoryImportCommand.class)).isNotNull();
            Integer communes = context.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from territory.commune where region_code = '53'", Integer.class);
            assertThat(communes).isEqualTo(1202);
        }
    }
}
