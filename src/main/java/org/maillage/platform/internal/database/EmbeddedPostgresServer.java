package org.maillage.platform.internal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central) running on localhost for this process.
 *
 * <p>Durability is that of a production server: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on. A server left running by a process killed with {@code kill -9}
 * is detected and stopped before a new one starts (see {@link StalePostmaster}).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, String database) {
        this.postgres = postgres;
        this.directory = directory;
        this.database = database;
    }

    static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = (properties.temporary() ? Files.createTempDirectory("maillage-pg-") : properties.directory())
                .toAbsolutePath().normalize();
        Files.createDirectories(directory);
        StalePostmaster.recover(directory, properties.shutdownTimeout());
        try {
            return start(properties, directory);
        } catch (IOException | RuntimeException e) {
            StalePostmaster.release(directory);
            throw e;
        }
    }

    private static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties, Path directory) throws IOException {
        log.info("Starting embedded PostgreSQL in {}", directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.temporary())
                // Spring stops the server after closing the pool; a JVM hook could stop it first.
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setPGStartupWait(properties.startupTimeout())
                // zonky passes -F (fsync off) and synchronous_commit=off: a crash would lose data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("locale", "C")
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, properties.database());
        try {
            server.createDatabaseIfMissing();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    Path directory() {
        return directory;
    }

    int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            if (!database.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Invalid embedded database name: " + database);
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database + " template template0 encoding 'UTF8'");
            }
            log.info("Created database {} in the embedded PostgreSQL", database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StalePostmaster.release(directory);
        }
    }
}
