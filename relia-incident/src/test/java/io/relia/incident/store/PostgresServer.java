package io.relia.incident.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real PostgreSQL (the Debian {@code postgresql} package) on 127.0.0.1 and a free port, on a throw-away cluster
 * ({@code initdb --auth=trust}, fsync off) in a fresh directory under {@code /tmp}; only the server's log goes to the
 * test's work directory. Tests that use it skip, loudly, where PostgreSQL is not installed or the JVM runs neither as
 * root nor as {@code postgres} (initdb and postgres refuse root: as root they run through
 * {@code runuser -u postgres}). Every wait is bounded; {@link #close()} stops the server and deletes the cluster.
 */
@Tag("integration")
public final class PostgresServer implements AutoCloseable {

    /** Bound on start-up until the server accepts connections. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Bound on initdb (a few seconds without sync) and on pg_ctl stop. */
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int LOG_TAIL_CHARS = 4000;

    private final Binaries binaries;
    private final Path clusterRoot;
    private final Path dataDir;
    private final Path logFile;
    private final Thread shutdownHook;
    private int port;
    private Process process;

    private PostgresServer(Binaries binaries, Path workDir) throws IOException {
        this.binaries = binaries;
        this.logFile = workDir.resolve("postgres.log");
        // A JUnit @TempDir is usually 700 and owned by root, which postgres cannot traverse: the cluster lives in a
        // fresh 755 directory in /tmp instead (deleted by close()), only the log stays in the work directory.
        this.clusterRoot = Files.createTempDirectory("relia-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(clusterRoot, PosixFilePermissions.fromString("rwxr-xr-x")); // despite umask
        this.dataDir = Files.createDirectory(clusterRoot.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (binaries.switchesUser()) {
            Files.setOwner(dataDir, dataDir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SUPERUSER));
        }
        this.shutdownHook = new Thread(this::kill, "postgres-server-shutdown");
    }

    /**
     * Creates a cluster and starts PostgreSQL on it on a free port of 127.0.0.1, logging to {@code postgres.log} in
     * {@code workDir}; skips the calling test when PostgreSQL is not installed or cannot be run from this user.
     */
    public static PostgresServer start(Path workDir) throws IOException, InterruptedException {
        Binaries binaries = Binaries.find();
        PostgresServer server = new PostgresServer(binaries, workDir);
        try {
            server.initdb();
            server.startOnFreePort();
            return server;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The JDBC URL of {@code database} on this server (connect as {@link #user()}, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the (new, empty) database {@code name} and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        return jdbcUrl(name);
    }

    /** Opens a connection to {@code database} as {@link #user()}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), "");
    }

    /** The superuser every URL connects as; the cluster trusts it without a password. */
    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** The cluster's data directory (deleted by {@link #close()}). */
    public Path dataDirectory() {
        return dataDir;
    }

    /** The log of initdb and the server so far, for failure messages. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    private String logTail() {
        String log = log();
        return log.length() <= LOG_TAIL_CHARS ? log : "..." + log.substring(log.length() - LOG_TAIL_CHARS);
    }

    private void initdb() throws IOException, InterruptedException {
        run(binaries.asPostgres(List.of(binaries.initdb.toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")), "initdb");
    }

    private void startOnFreePort() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // Another process can take the free port between our probe and the server's bind: then try another one.
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                startServer();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !log().contains("could not bind")) {
                    throw e;
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void startServer() throws IOException, InterruptedException {
        List<String> command = binaries.asPostgres(List.of(binaries.postgres.toString(), "-D", dataDir.toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-k", dataDir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off",
                "-c", "synchronous_commit=off"));
        process = processBuilder(command).start();
        process.getOutputStream().close();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int code = process.exitValue();
                process = null;
                throw new IllegalStateException("postgres exited with code " + code + " while starting on port "
                        + port + "; log " + logFile + ":\n" + logTail());
            }
            if (listening() && accepting()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("postgres was not ready within " + READY_TIMEOUT.toSeconds() + " s on port "
                + port + "; log " + logFile + ":\n" + logTail());
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** pg_isready when installed, else a JDBC connection: listening is not yet accepting (recovery, start-up). */
    private boolean accepting() throws InterruptedException {
        if (binaries.pgIsready.isPresent()) {
            try {
                Process probe = new ProcessBuilder(binaries.pgIsready.get().toString(), "-q", "-h", "127.0.0.1",
                        "-p", Integer.toString(port), "-U", SUPERUSER, "-d", "postgres", "-t", "2")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!probe.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    probe.destroyForcibly();
                    return false;
                }
                return probe.exitValue() == 0;
            } catch (IOException e) {
                // Fall back to JDBC.
            }
        }
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), properties)) {
            return connection.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** Runs a command to its end, output to the log; throws with the log's tail when it fails or times out. */
    private void run(List<String> command, String what) throws IOException, InterruptedException {
        Process tool = processBuilder(command).start();
        tool.getOutputStream().close();
        if (!tool.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            destroyTree(tool, true);
            throw new IllegalStateException(what + " did not finish within " + TOOL_TIMEOUT.toSeconds()
                    + " s: " + String.join(" ", command) + "; log " + logFile + ":\n" + logTail());
        }
        if (tool.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + tool.exitValue() + ": "
                    + String.join(" ", command) + "; log " + logFile + ":\n" + logTail());
        }
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(clusterRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        return builder;
    }

    /** {@code pg_ctl stop -m fast}; then SIGTERM and SIGKILL to the server's processes if it is still running. */
    private void stop() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        if (running.isAlive()) {
            try {
                run(binaries.asPostgres(List.of(binaries.pgCtl.toString(), "stop", "-D", dataDir.toString(),
                        "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds()))), "pg_ctl stop");
            } catch (IOException | IllegalStateException e) {
                // The signals below still stop it.
            }
        }
        if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            destroyTree(running, false);
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                destroyTree(running, true);
                running.waitFor(10, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    /** Signals a process and, first, its descendants: under runuser the postmaster is a child, not the process. */
    private static void destroyTree(Process root, boolean forcibly) {
        List<ProcessHandle> descendants = root.descendants().toList();
        for (ProcessHandle handle : descendants.reversed()) {
            if (forcibly) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        if (forcibly) {
            root.destroyForcibly();
        } else {
            root.destroy();
        }
    }

    private void kill() {
        Process running = process;
        if (running != null) {
            destroyTree(running, true);
        }
    }

    /** Stops the server (pg_ctl stop -m fast, then signals) and deletes the cluster directory. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrGone) {
                // The JVM is exiting (the hook runs anyway) or the hook was never added.
            }
            deleteRecursively(clusterRoot);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the PostgreSQL cluster " + root, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL at 127.0.0.1:" + port + " on " + dataDir;
    }

    /** The server programs, and how to run them as {@code postgres}. */
    private record Binaries(Path initdb, Path pgCtl, Path postgres, Optional<Path> pgIsready, Optional<Path> runuser) {

        static Binaries find() {
            Optional<Path> bin = newestDebianBin().or(() -> onPath("initdb").map(Path::getParent));
            assumeTrue(bin.isPresent() && Stream.of("initdb", "pg_ctl", "postgres")
                            .allMatch(name -> Files.isExecutable(bin.get().resolve(name))),
                    "PostgreSQL not installed (no initdb, pg_ctl and postgres in /usr/lib/postgresql/*/bin or on PATH):"
                            + " live PostgreSQL tests skipped; run ./run-tests as root or apt-get install postgresql");
            Path dir = bin.get();
            Optional<Path> pgIsready = Optional.of(dir.resolve("pg_isready")).filter(Files::isExecutable)
                    .or(() -> onPath("pg_isready"));
            String user = System.getProperty("user.name", "");
            boolean root = isRoot();
            assumeTrue(root || SUPERUSER.equals(user), "PostgreSQL tests need to run as root (through runuser -u "
                    + "postgres) or as the postgres user, not as " + user + ": live PostgreSQL tests skipped");
            Optional<Path> runuser = Optional.empty();
            if (root) {
                runuser = onPath("runuser").or(() -> Stream.of("/usr/sbin/runuser", "/sbin/runuser")
                        .map(Path::of).filter(Files::isExecutable).findFirst());
                assumeTrue(runuser.isPresent(), "running as root without runuser (util-linux): initdb and postgres "
                        + "refuse root, live PostgreSQL tests skipped");
                assumeTrue(userExists(SUPERUSER), "no 'postgres' OS user (created by the postgresql package): live "
                        + "PostgreSQL tests skipped; apt-get install postgresql");
            }
            return new Binaries(dir.resolve("initdb"), dir.resolve("pg_ctl"), dir.resolve("postgres"), pgIsready,
                    runuser);
        }

        boolean switchesUser() {
            return runuser.isPresent();
        }

        List<String> asPostgres(List<String> command) {
            if (runuser.isEmpty()) {
                return command;
            }
            List<String> wrapped = new ArrayList<>(List.of(runuser.get().toString(), "-u", SUPERUSER, "--"));
            wrapped.addAll(command);
            return wrapped;
        }

        private static Optional<Path> newestDebianBin() {
            Path base = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(base)) {
                return Optional.empty();
            }
            try (Stream<Path> versions = Files.list(base)) {
                return versions.filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                        .max(Comparator.comparingDouble(version -> Double.parseDouble(version.getFileName().toString())))
                        .map(version -> version.resolve("bin"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private static Optional<Path> onPath(String name) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
        }

        private static boolean isRoot() {
            try {
                return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return "root".equals(System.getProperty("user.name"));
            }
        }

        private static boolean userExists(String name) {
            try {
                Path dir = Path.of("/");
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
