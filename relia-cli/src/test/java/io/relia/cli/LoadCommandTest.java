package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.load.selftest.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code relia load run}, {@code find-max}, {@code merge} and {@code selftest} through the command line. */
class LoadCommandTest {

    @TempDir
    Path directory;

    @Test
    void everyLoadCommandHasHelpWithExitCodes() {
        for (String command : new String[] {"load", "load run", "load find-max", "load selftest", "load merge"}) {
            CliRun run = CliRun.of((command + " --help").split(" "));
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: relia " + command, "Exit codes:");
        }
    }

    @Test
    void aRunWritesTheSummaryTheHtmlReportAndTheIntervalLog() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path out = directory.resolve("results");
            CliRun run = CliRun.of("load", "run", server.url(), "--rate", "200", "--duration", "2s",
                    "--threshold", "p99<2s", "--threshold", "errors<1%", "--out", out.toString(), "--format", "json",
                    "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = JsonMapper.builder().build().readTree(run.out());
            assertThat(json.path("kind").asString()).isEqualTo("load-run");
            assertThat(json.path("requests").path("finished").asLong()).isEqualTo(400);
            assertThat(json.path("latency").path("corrected").has("p99")).isTrue();
            assertThat(json.path("latency").path("uncorrected").has("p99")).isTrue();
            assertThat(json.path("thresholds")).hasSize(2);
            assertThat(json.path("passed").asBoolean()).isTrue();
            assertThat(Files.readString(out.resolve("summary.json"))).contains("\"load-run\"");
            assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "Latency by percentile");
            assertThat(Files.readString(out.resolve("latency.hlog"))).contains("#[StartTime:", "Tag=corrected");
            CliRun merged = CliRun.of("load", "merge", out.resolve("latency.hlog").toString(), "--format", "json");
            assertThat(merged.exitCode()).as(merged.err()).isZero();
            assertThat(JsonMapper.builder().build().readTree(merged.out()).path("requests").asLong()).isEqualTo(400);
        }
    }

    @Test
    void aThresholdGivenBothInTheScenarioAndOnTheCommandLineCountsOnce() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path scenario = directory.resolve("scenario.yaml");
            Files.writeString(scenario, "name: twice\ntarget: " + server.url() + "\nload: {rate: 50, duration: 1s}\n"
                    + "requests: [{name: root, path: /}]\nthresholds: [\"p99<2s\"]\n");
            CliRun run = CliRun.of("load", "run", scenario.toString(), "--threshold", "p99<2s", "--threshold",
                    "errors<1%", "--format", "json", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JsonMapper.builder().build().readTree(run.out()).path("thresholds")).hasSize(2);
        }
    }

    @Test
    void aFailedThresholdExitsWithOne() throws Exception {
        try (TestServer server = TestServer.withCapacity(1, 1)) {
            CliRun run = CliRun.of("load", "run", server.url(), "--rate", "100", "--duration", "1s",
                    "--threshold", "errors<1%", "--no-progress", "--no-color");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("Failed: 1 of 1 thresholds", "FAIL", "errors<1%", "HTTP 429");
        }
    }

    @Test
    void anUnreachableTargetExitsWithThreeWithoutAStackTrace() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CliRun run = CliRun.of("load", "run", "http://127.0.0.1:" + port + "/", "--rate", "10", "--duration", "1s");
        assertThat(run.exitCode()).isEqualTo(ExitCode.EXTERNAL);
        assertThat(run.err()).isEqualTo("relia: error: cannot connect to http://127.0.0.1:" + port
                + ": connection refused\n");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void usageMistakesExitWithTwoAndSayWhatIsExpected() {
        CliRun badThreshold = CliRun.of("load", "run", "http://127.0.0.1:1/", "--rate", "10", "--duration", "1s",
                "--threshold", "p99<<3");
        assertThat(badThreshold.exitCode()).isEqualTo(2);
        assertThat(badThreshold.err()).contains("--threshold");
        CliRun noRate = CliRun.of("load", "run", "http://127.0.0.1:1/");
        assertThat(noRate.exitCode()).isEqualTo(2);
        assertThat(noRate.err()).contains("--rate and --duration");
        CliRun missingFile = CliRun.of("load", "run", "nope.yaml");
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.yaml", "no such scenario file");
        assertThat(badThreshold.showsStackTrace() || noRate.showsStackTrace() || missingFile.showsStackTrace())
                .isFalse();
    }

    @Test
    void aScenarioFileRunsItsWeightedMix() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path csv = directory.resolve("users.csv");
            Files.writeString(csv, "user\nada\nbob\n");
            Path scenario = directory.resolve("mix.yaml");
            Files.writeString(scenario, """
                    name: mix
                    target: %s
                    connections: 5
                    load: {rate: 100, duration: 2s}
                    variables: users.csv
                    requests:
                      - {name: browse, path: "/browse?u=${user}", weight: 3}
                      - {name: buy, method: POST, path: /buy, body: '{"u":"${user}"}', weight: 1}
                    thresholds: ["errors<1%%"]
                    """.formatted(server.url().replaceAll("/$", "")));
            CliRun run = CliRun.of("load", "run", scenario.toString(), "--format", "json", "--no-progress");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode byRequest = JsonMapper.builder().build().readTree(run.out()).path("byRequest");
            assertThat(byRequest.get(0).path("name").asString()).isEqualTo("browse");
            assertThat(byRequest.get(0).path("requests").asLong()).isEqualTo(150);
            assertThat(byRequest.get(1).path("requests").asLong()).isEqualTo(50);
        }
    }

    @Test
    void findMaxPrintsTheKneeAsJsonForCapacityPlanning() throws Exception {
        try (TestServer server = TestServer.withCapacity(800, 80)) {
            CliRun run = CliRun.of("load", "find-max", server.url(), "--slo", "errors<0.5%", "--start-rate", "200",
                    "--max-rate", "3200", "--step-duration", "3s", "--step-warmup", "1s", "--precision", "0.1",
                    "--format", "json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = JsonMapper.builder().build().readTree(run.out());
            assertThat(json.path("kind").asString()).isEqualTo("load-find-max");
            assertThat(json.path("knee").path("rate").asDouble()).isBetween(700.0, 880.0);
            assertThat(json.path("firstFailure").path("reason").asString()).contains("errors<0.5%");
            assertThat(run.err()).contains("ramp", "pass", "FAIL");
        }
    }
}
