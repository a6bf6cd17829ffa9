package org.maillage.platform.internal.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after a crash of the application (for example {@code kill -9}).
 *
 * <p>The PostgreSQL server outlives the JVM that started it: it keeps running, orphaned, and holds
 * the data directory, so the next start would fail. Before starting, this class:
 *
 * <ol>
 *   <li>refuses to touch a directory that a live application still holds (its {@code epg-lock}
 *       file lock is held);
 *   <li>stops an orphaned server whose PID is in {@code postmaster.pid} (SIGTERM, then SIGKILL
 *       after the timeout; PostgreSQL replays its WAL at the next start, so nothing committed is
 *       lost);
 *   <li>removes a {@code postmaster.pid} whose PID is dead or belongs to another program.
 * </ol>
 */
final class StalePostmaster {

    static final String LOCK_FILE = "epg-lock";
    static final String PID_FILE = "postmaster.pid";
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void recover(Path directory, Duration timeout) throws IOException {
        ensureNotHeldByLiveApplication(directory);
        Path pidFile = directory.resolve(PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgres(process.get())) {
            log.warn("PostgreSQL (pid {}) was left running in {} by a previous run that crashed; stopping it",
                    pid.get(), directory);
            stop(process.get(), timeout);
        } else {
            log.warn("Removing stale {} (pid {} is not running PostgreSQL) in {}", PID_FILE, pid.get(), directory);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void ensureNotHeldByLiveApplication(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyInUse(directory);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw alreadyInUse(directory);
        }
    }

    private static IllegalStateException alreadyInUse(Path directory) {
        return new IllegalStateException("The database directory " + directory
                + " is used by another running Maillage; stop it first or set maillage.embedded-database.directory");
    }

    static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
    }

    private static void stop(ProcessHandle process, Duration timeout) {
        List<ProcessHandle> backends = process.descendants().toList();
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the JVM
        if (!awaitExit(process, timeout)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", process.pid(), timeout);
            process.destroyForcibly();
            awaitExit(process, timeout);
        }
        // Backends exit on their own once the postmaster is gone; wait for them to free shared memory.
        backends.forEach(backend -> awaitExit(backend, timeout));
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
