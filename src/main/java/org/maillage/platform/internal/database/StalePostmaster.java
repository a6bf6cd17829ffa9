package org.maillage.platform.internal.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>refuses to touch a directory that a live application holds: this JVM (tracked in memory,
 *       never by opening the lock file, which would release this JVM's own lock) or another process
 *       (its {@code epg-lock} file lock is held);
 *   <li>stops the orphaned server whose PID is in {@code postmaster.pid}, once its command line shows
 *       it serves this very directory (SIGTERM, then SIGKILL after the timeout; PostgreSQL replays its
 *       WAL at the next start, so nothing committed is lost);
 *   <li>removes a {@code postmaster.pid} whose PID is dead or now belongs to another program.
 * </ol>
 */
final class StalePostmaster {

    static final String LOCK_FILE = "epg-lock";
    static final String PID_FILE = "postmaster.pid";
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    /** Data directories served by this JVM. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private StalePostmaster() {}

    /** Makes the directory ready for a new server and marks it as used by this JVM until {@link #release}. */
    static void recover(Path directory, Duration timeout) throws IOException {
        if (!IN_USE.add(directory)) {
            throw alreadyInUse(directory);
        }
        try {
            ensureNotHeldByAnotherProcess(directory);
            stopOrphan(directory, timeout);
        } catch (IOException | RuntimeException e) {
            IN_USE.remove(directory);
            throw e;
        }
    }

    static void release(Path directory) {
        IN_USE.remove(directory);
    }

    private static void ensureNotHeldByAnotherProcess(Path directory) throws IOException {
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
        }
    }

    private static void stopOrphan(Path directory, Duration timeout) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && servesDirectory(process.get(), directory)) {
            log.warn("PostgreSQL (pid {}) was left running in {} by a previous run that crashed; stopping it",
                    pid.get(), directory);
            if (!stop(process.get(), timeout)) {
                throw new IllegalStateException("PostgreSQL (pid " + pid.get() + ") still holds " + directory
                        + " after SIGKILL; stop it before starting Maillage");
            }
        } else {
            log.warn("Removing stale {} in {}: pid {} is not a PostgreSQL serving this directory",
                    PID_FILE, directory, pid.get());
        }
        Files.deleteIfExists(pidFile);
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

    /**
     * Whether the process is a PostgreSQL started on this data directory ({@code postgres -D <dir>}).
     * When its command line cannot be read, nothing is assumed: the start is refused rather than
     * stopping a process that may be another server.
     */
    static boolean servesDirectory(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            throw new IllegalStateException("Cannot tell whether process " + process.pid() + " named in "
                    + directory.resolve(PID_FILE) + " is the PostgreSQL of this directory; stop it or remove the file");
        }
        if (!command.get().endsWith("postgres")) {
            return false;
        }
        String[] args = arguments.get();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().equals(directory)) {
                return true;
            }
        }
        return false;
    }

    private static IllegalStateException alreadyInUse(Path directory) {
        return new IllegalStateException("The database directory " + directory
                + " is used by another running Maillage; stop it first or set maillage.embedded-database.directory");
    }

    /** SIGTERM (PostgreSQL's smart shutdown; its clients died with the JVM), then SIGKILL; true once gone. */
    private static boolean stop(ProcessHandle process, Duration timeout) {
        List<ProcessHandle> backends = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, timeout)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", process.pid(), timeout);
            process.destroyForcibly();
            if (!awaitExit(process, timeout)) {
                return false;
            }
        }
        // Backends exit on their own once the postmaster is gone; wait for them to free shared memory.
        backends.forEach(backend -> awaitExit(backend, timeout));
        return true;
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
