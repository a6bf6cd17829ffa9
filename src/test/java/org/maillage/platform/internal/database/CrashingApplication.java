package org.maillage.platform.internal.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link EmbeddedPostgresCrashIT}: starts the embedded PostgreSQL like the
 * application does, commits a row, says READY and waits to be killed with {@code kill -9}.
 */
public final class CrashingApplication {

    static final String ROW = "committed before kill -9";

    private CrashingApplication() {}

    static EmbeddedDatabaseProperties properties(Path directory) {
        return new EmbeddedDatabaseProperties(directory, false, 0, "maillage", Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties(Path.of(args[0])));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists crash_test (id int primary key, note text)");
            statement.execute("insert into crash_test values (1, '" + ROW + "') on conflict do nothing");
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
