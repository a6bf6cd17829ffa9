package org.maillage.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL after the application was killed with {@code kill -9}: the server it
 * started survives as an orphan holding the data directory; the next start must stop it, start
 * again and find every committed row. Durability settings are those of a real server.
 */
class EmbeddedPostgresCrashIT {

    @TempDir
    Path directory;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    /** Starts {@link CrashingApplication} in another JVM and waits until it has committed its row. */
    private long startApplicationThatCommitsARow() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingApplication.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) { // drains until the child dies, so it never blocks
                    output.add(line);
                    if (line.equals("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (Exception e) {
                output.add(e.toString());
            }
            ready.complete(false);
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        boolean started;
        try {
            started = ready.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            started = false;
        }
        assertThat(started).as("child application started; its output:%n%s", String.join("\n", output)).isTrue();
        return StalePostmaster.readPid(directory.resolve(StalePostmaster.PID_FILE)).orElseThrow();
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void anOrphanedServerLeftByKill9IsStoppedAndNothingCommittedIsLost() throws Exception {
        long postmaster = startApplicationThatCommitsARow();
        child.destroyForcibly().waitFor(); // kill -9 of the application
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the JVM").hasValue(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThat(query(server, "select note from crash_test where id = 1")).isEqualTo(CrashingApplication.ROW);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aServerKilledWithTheApplicationRecoversFromItsLog() throws Exception {
        long postmaster = startApplicationThatCommitsARow();
        child.destroyForcibly().waitFor();
        ProcessHandle orphan = ProcessHandle.of(postmaster).orElseThrow();
        orphan.destroyForcibly(); // power cut: the server dies too, postmaster.pid stays behind
        orphan.onExit().get(30, TimeUnit.SECONDS);
        assertThat(directory.resolve(StalePostmaster.PID_FILE)).exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThat(query(server, "select note from crash_test where id = 1")).isEqualTo(CrashingApplication.ROW);
        }
    }

    @Test
    void durabilityIsThatOfAProductionServer() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThat(query(server, "show fsync")).isEqualTo("on");
            assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(server, "show full_page_writes")).isEqualTo("on");
            assertThat(query(server, "select current_database()")).isEqualTo("maillage");
        }
        assertThat(directory.resolve(StalePostmaster.PID_FILE)).as("stopped with the application").doesNotExist();
        assertThat(directory.resolve("PG_VERSION")).as("data kept between runs").exists();
    }

    @Test
    void aDirectoryInUseInThisJvmIsLeftAlone() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(CrashingApplication.properties(directory)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("used by another running Maillage");
            assertThat(query(running, "select 'still running'")).isEqualTo("still running");
            execute(running, "create table kept as select 'kept across restarts' as note");
        }
        // Once stopped, the directory can be used again.
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThat(query(again, "select note from kept")).isEqualTo("kept across restarts");
        }
    }

    @Test
    void aDirectoryInUseByAnotherRunningApplicationIsLeftAlone() throws Exception {
        long postmaster = startApplicationThatCommitsARow();
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(CrashingApplication.properties(directory)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used by another running Maillage");
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).hasValue(true);
        assertThat(StalePostmaster.readPid(directory.resolve(StalePostmaster.PID_FILE))).hasValue(postmaster);
    }

    @Test
    void aStalePidOfAnotherProgramIsNotKilled() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThat(query(server, "select 1")).isEqualTo("1");
        }
        // After a reboot the PID in postmaster.pid may belong to anything: here, this very JVM.
        java.nio.file.Files.writeString(directory.resolve(StalePostmaster.PID_FILE), ProcessHandle.current().pid() + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(CrashingApplication.properties(directory))) {
            assertThat(query(server, "select 1")).isEqualTo("1");
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }
}
