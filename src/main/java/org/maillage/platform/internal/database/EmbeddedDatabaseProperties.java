package org.maillage.platform.internal.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param directory where the cluster lives between runs (default {@code ./data/pg})
 * @param temporary use a fresh temporary directory deleted at shutdown (tests)
 * @param port TCP port on localhost; 0 picks a free one at each start
 * @param database name of the database created for Maillage inside the cluster
 * @param startupTimeout how long to wait for the server, crash recovery included
 * @param shutdownTimeout how long an orphaned server left by a crash may take to stop
 */
@ConfigurationProperties("maillage.embedded-database")
record EmbeddedDatabaseProperties(
        @DefaultValue("data/pg") Path directory,
        @DefaultValue("false") boolean temporary,
        @DefaultValue("0") int port,
        @DefaultValue("maillage") String database,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("60s") Duration shutdownTimeout) {}
