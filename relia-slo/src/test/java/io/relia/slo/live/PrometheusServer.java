package io.relia.slo.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (the Debian {@code prometheus} package) on 127.0.0.1 and a free port, serving history backfilled
 * with {@code promtool} into a data directory under the test's work directory; no scrape targets. Tests that use it
 * skip, loudly, where Prometheus is not installed. Every wait is bounded; {@link #close()} stops the process.
 */
public final class PrometheusServer implements AutoCloseable {

    /** Bound on start-up until {@code /-/ready}; a restart over months of blocks takes well under a second. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Bound on one promtool run (one day of OpenMetrics, or a rule backfill). */
    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path prometheus;
    private final Path promtool;
    private final Path workDir;
    private final Path dataDir;
    private final Path logFile;
    private final HttpClient http;
    private final Thread shutdownHook;
    private int port;
    private Process process;

    private PrometheusServer(Path prometheus, Path promtool, Path workDir) throws IOException {
        this.prometheus = prometheus;
        this.promtool = promtool;
        this.workDir = workDir;
        this.dataDir = Files.createDirectories(workDir.resolve("data"));
        this.logFile = workDir.resolve("prometheus.log");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.shutdownHook = new Thread(this::kill, "prometheus-server-shutdown");
        Files.writeString(workDir.resolve("prometheus.yml"),
                "# Written by Relia's tests: no scrape targets, only backfilled history.\n"
                        + "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n", StandardCharsets.UTF_8);
    }

    /**
     * Backfills {@code openMetricsFile} (OpenMetrics with timestamps) into a new data directory under
     * {@code workDir} and starts Prometheus on it; skips the calling test when prometheus or promtool is missing.
     * promtool runs once per day of data, two at a time, and its blocks are reused from {@link BlockCache} when the
     * same file was backfilled before.
     */
    public static PrometheusServer backfilled(Path workDir, Path openMetricsFile)
            throws IOException, InterruptedException {
        Path prometheus = installed("prometheus");
        Path promtool = installed("promtool");
        PrometheusServer server = new PrometheusServer(prometheus, promtool, workDir);
        try {
            server.importOpenMetrics(openMetricsFile);
            server.startOnFreePort();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Path installed(String name) {
        Optional<Path> found = ExternalCommand.onPath(name);
        assumeTrue(found.isPresent(), "prometheus not installed (no " + name + " on PATH): live Prometheus tests "
                + "skipped; run ./run-tests as root or apt-get install prometheus");
        return found.get();
    }

    /** The server root, {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The TSDB directory the server reads. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** The server's log so far (all runs), for failure messages. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /**
     * Evaluates the recording rules of {@code ruleFile} over {@code [start, end]} every 60 s against this server
     * ({@code promtool tsdb create-blocks-from rules}), adds the blocks to the data directory and restarts the
     * server on the same port, so that the recorded series can be queried. As in a running Prometheus, each group
     * evaluates at a fixed offset into the minute (hashed from its name and file), not on the minute itself: query
     * {@code timestamp(rule)} to see when.
     */
    public void backfillRules(Path ruleFile, Instant start, Instant end) throws IOException, InterruptedException {
        Path output = Files.createTempDirectory(workDir, "rule-blocks-");
        // Rule groups evaluate at an offset into each interval hashed from the group's name and its file as given:
        // a copy under a fixed relative path keeps that offset the same from run to run.
        Path rules = Files.createDirectories(workDir.resolve("rules"));
        Files.copy(ruleFile, rules.resolve(ruleFile.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        runPromtool(List.of("tsdb", "create-blocks-from", "rules", "--start=" + start, "--end=" + end,
                "--url=" + url(), "--output-dir=" + output, "--eval-interval=60s",
                "rules/" + ruleFile.getFileName()));
        List<Path> blocks = blocksIn(output);
        if (blocks.isEmpty()) {
            throw new IllegalStateException("promtool wrote no blocks for " + ruleFile + " over " + start + " .. "
                    + end + " (no data in range?)");
        }
        stop();
        moveBlocks(blocks);
        start();
    }

    private void importOpenMetrics(Path openMetricsFile) throws IOException, InterruptedException {
        BlockCache cache = BlockCache.configured();
        String key = BlockCache.key(openMetricsFile, promtool);
        if (!cache.copyInto(key, dataDir)) {
            runPromtoolOnDays(openMetricsFile);
            cache.store(key, blocksIn(dataDir));
        }
    }

    private void runPromtoolOnDays(Path openMetricsFile) throws IOException, InterruptedException {
        List<Path> pieces = OpenMetricsSplitter.splitByDay(openMetricsFile, workDir.resolve("openmetrics-by-day"));
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        List<Future<Path>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Path piece : pieces) {
                runs.add(pool.submit(() -> {
                    Path output = Files.createTempDirectory(workDir, "blocks-");
                    runPromtool(List.of("tsdb", "create-blocks-from", "openmetrics", "--quiet", piece.toString(),
                            output.toString()));
                    Files.delete(piece);
                    return output;
                }));
            }
            for (Future<Path> run : runs) {
                Path output = run.get();
                moveBlocks(blocksIn(output));
                deleteIfEmpty(output);
            }
        } catch (ExecutionException e) {
            runs.forEach(run -> run.cancel(true));
            throw new IllegalStateException("backfilling " + openMetricsFile + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException leftovers) {
            // Not a block, so not moved: it stays in the work directory, which the test removes.
        }
    }

    private static List<Path> blocksIn(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> Files.isRegularFile(entry.resolve("meta.json"))).sorted().toList();
        }
    }

    private void moveBlocks(List<Path> blocks) throws IOException {
        for (Path block : blocks) {
            Files.move(block, dataDir.resolve(block.getFileName().toString()));
        }
    }

    /** Runs promtool in the work directory; throws with its output when it fails or outlives the timeout. */
    private void runPromtool(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(arguments);
        ExternalCommand.run(command, workDir, TOOL_TIMEOUT);
    }

    private void startOnFreePort() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // Another process can take the free port between our probe and Prometheus' bind: then try another one.
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                start();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !log().contains("address already in use")) {
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

    private void start() throws IOException, InterruptedException {
        List<String> command = List.of(prometheus.toString(),
                "--config.file=" + workDir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dataDir,
                // Retention counts back from the newest block, but the default 15 d would drop most of a month.
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-admin-api");
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        process.getOutputStream().close();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(url().resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with code " + process.exitValue()
                        + " while starting on port " + port + "; log:\n" + log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus was not ready within " + READY_TIMEOUT.toSeconds() + " s on port "
                + port + "; log:\n" + log());
    }

    private void stop() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** Stops Prometheus: SIGTERM, then SIGKILL when it has not exited within 30 s. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            http.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrGone) {
                // The JVM is exiting (the hook runs anyway) or the hook was never added.
            }
        }
    }

    @Override
    public String toString() {
        return "Prometheus at " + url() + " on " + dataDir;
    }
}
