package io.relia.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chaos walk-through of docs/chaos-experiments.md (and the README's tour), command by command: a dry run with
 * nothing started, {@code run both --through-proxy}, a dry run, the experiment as shipped (it fails), the resilient
 * profile (it passes), each with its exit code and key lines, and the services stopped as the docs stop them. The
 * commands are the documented ones (the test checks the docs hold them), run the way {@code ./relia} and
 * {@code ./run} run them, on free ports of 127.0.0.1 instead of 8080/8081/8091/8474 (a copy of the experiment is
 * pointed at them) so the test never collides with services someone is running.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ChaosTourIntegrationTest {
    private static final Path DOC = Path.of("../../docs/chaos-experiments.md");
    private static final Path EXPERIMENT = Path.of("reliability/chaos/payments-hang.yaml");
    private static final String EXPERIMENT_ARG = "examples/checkout-service/reliability/chaos/payments-hang.yaml";
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    private final List<Process> started = new ArrayList<>();
    private final int checkoutPort = freePort();
    private final int paymentsPort = freePort();
    private final int listenPort = freePort();
    private final int adminPort = freePort();

    @TempDir
    Path dir;

    /** A command's outcome: exit code and what it printed. */
    private record Result(int exit, String out, String err) {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The experiment as shipped, pointed at this test's ports. */
    private Path experiment() throws IOException {
        Path copy = dir.resolve("payments-hang.yaml");
        if (!Files.exists(copy)) {
            Files.writeString(copy, Files.readString(EXPERIMENT)
                    .replace("127.0.0.1:8080", "127.0.0.1:" + checkoutPort)
                    .replace("127.0.0.1:8081", "127.0.0.1:" + paymentsPort)
                    .replace("127.0.0.1:8091", "127.0.0.1:" + listenPort)
                    .replace("127.0.0.1:8474", "127.0.0.1:" + adminPort));
        }
        return copy;
    }

    /** {@code ./relia ARGS}: the CLI in its own JVM, as the launcher runs it; bounded by {@link #RUN_LIMIT}. */
    private Result relia(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "io.relia.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        started.add(process);
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        return new Result(process.isAlive() ? -1 : process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * {@code examples/checkout-service/run both --through-proxy ... &}: the real script, given the test's class path
     * for the services and for relia, so it builds nothing; returns once it says everything is up.
     */
    private Process runBoth(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "run", "both", "--through-proxy",
                "--port", String.valueOf(checkoutPort), "--payments-port", String.valueOf(paymentsPort),
                "--proxy-listen-port", String.valueOf(listenPort), "--proxy-port", String.valueOf(adminPort)));
        command.addAll(List.of(extra));
        Path log = Files.createTempFile(dir, "run-both", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CHECKOUT_EXAMPLE_CLASSPATH", System.getProperty("java.class.path"));
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        env.put("RELIA", java() + " io.relia.cli.Main");
        Process script = builder.start();
        started.add(script);
        String ready = "run: checkout on http://127.0.0.1:" + checkoutPort + " -> chaos proxy 127.0.0.1:" + listenPort
                + " (admin http://127.0.0.1:" + adminPort + ") -> payments on http://127.0.0.1:" + paymentsPort;
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.readString(log).contains(ready) && script.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(log)).as("run both did not come up").contains(ready);
        return script;
    }

    /** {@code kill %1}: SIGTERM to the script, which stops every process it started before it exits. */
    private static void stop(Process script) throws InterruptedException {
        List<ProcessHandle> children = script.descendants().toList();
        script.destroy();
        assertThat(script.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("run both stops on SIGTERM").isTrue();
        assertThat(script.exitValue()).isEqualTo(143);
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS).exceptionally(late -> child).join();
            assertThat(child.isAlive()).as("process %s stopped with the script", child.pid()).isFalse();
        }
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private JsonNode paymentsProxy() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                    + "/proxies/payments")).timeout(Duration.ofSeconds(10)).build();
            return JsonMapper.shared().readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    private JsonNode onlyJournal() throws IOException {
        try (var journals = Files.list(dir.resolve("journals"))) {
            List<Path> files = journals.toList();
            assertThat(files).hasSize(1);
            JsonNode journal = JsonMapper.shared().readTree(Files.readString(files.getFirst()));
            Files.delete(files.getFirst());
            return journal;
        }
    }

    @Test
    void theDocumentedCommandsAreTheOnesThisTestRuns() throws IOException {
        assertThat(Files.readString(DOC)).contains(
                "$ ./relia chaos run --dry-run " + EXPERIMENT_ARG + "\n",
                "$ examples/checkout-service/run both --through-proxy &\n",
                "$ ./relia chaos run " + EXPERIMENT_ARG + " --report /tmp/payments-hang.html\n",
                "$ kill %1\n",
                "$ examples/checkout-service/run both --through-proxy --payments-timeout 300ms &\n",
                "$ ./relia chaos run " + EXPERIMENT_ARG + " --report /tmp/payments-hang-resilient.html\n",
                "$ git status --short\n");
    }

    @Test
    void theChaosWalkThroughWorksAsWritten() throws Exception {
        String experiment = experiment().toString();

        Result nothingRunning = relia("chaos", "run", "--dry-run", experiment);
        assertThat(nothingRunning.exit()).as(nothingRunning.err()).isEqualTo(3);
        assertThat(nothingRunning.out()).contains("   FAILED  proxy API http://127.0.0.1:" + adminPort
                + ": connection refused to 127.0.0.1:" + adminPort, "fix: start it: relia chaos proxy --port "
                + adminPort, "   FAILED  traffic POST http://127.0.0.1:" + checkoutPort + "/checkout: connection "
                + "refused to 127.0.0.1:" + checkoutPort);
        assertThat(nothingRunning.err()).contains("3 targets are missing or unreachable; a run would not start");

        Process shipped = runBoth();
        Result dryRun = relia("chaos", "run", "--dry-run", experiment);
        assertThat(dryRun.exit()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("   ok      proxy payments on http://127.0.0.1:" + adminPort + ": 127.0.0.1:"
                + listenPort + " -> 127.0.0.1:" + paymentsPort);

        Path report = dir.resolve("payments-hang.html");
        Result failing = relia("chaos", "run", experiment, "--report", report.toString());
        assertThat(failing.exit()).as(failing.err()).isEqualTo(1);
        assertThat(failing.err()).contains("== steady-state before", "   ok      inject network-timeout-2 on payments");
        assertThat(failing.out()).containsAnyOf("Aborted: the run was stopped early and rolled back.",
                "Deviated: the steady state did not hold during or after the fault.");
        assertThat(report).exists();
        assertThat(onlyJournal().path("status").asString()).isIn("aborted", "completed");
        assertThat(paymentsProxy().get("toxics").size()).isZero();
        stop(shipped);

        Process resilient = runBoth("--payments-timeout", "300ms");
        Result passing = relia("chaos", "run", experiment, "--report", dir.resolve("resilient.html").toString());
        assertThat(passing.exit()).as(passing.err()).isZero();
        assertThat(passing.out()).contains("Passed: the steady state held.");
        assertThat(passing.err()).contains("== steady-state after", "   ok      remove network-timeout-2 from payments");
        JsonNode journal = onlyJournal();
        assertThat(journal.path("x-relia").path("fault_windows").size()).isEqualTo(2);
        assertThat(paymentsProxy().get("toxics").size()).isZero();
        stop(resilient);
    }

    @Test
    void theToursJournalsAreIgnoredByGitSoItLeavesTheWorkingTreeClean() throws Exception {
        Path root = Path.of("../..");
        assumeThat(Files.exists(root.resolve(".git"))).as("a git checkout").isTrue();
        Process check = new ProcessBuilder("git", "check-ignore", "-q",
                "examples/checkout-service/reliability/chaos/journals/payments-hang.20261123T172849Z.json")
                .directory(root.toFile()).redirectErrorStream(true).start();
        started.add(check);
        assertThat(check.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("git check-ignore exit code").isZero();
    }
}
