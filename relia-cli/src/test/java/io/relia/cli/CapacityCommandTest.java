package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code relia capacity forecast} and {@code plan} on the example service's plan and history. */
class CapacityCommandTest {

    private static final String PLAN = "../examples/checkout-service/reliability/capacity.yaml";
    private static final String CSV = "../examples/checkout-service/reliability/history/checkout-rps.csv";
    private static final String FIND_MAX = "../examples/checkout-service/load/find-max.json";

    @TempDir
    Path directory;

    @Test
    void everyCapacityCommandHasHelpWithExitCodes() {
        for (String command : new String[] {"capacity", "capacity forecast", "capacity plan"}) {
            CliRun run = CliRun.of((command + " --help").split(" "));
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: relia " + command, "Exit codes:");
            assertThat(run.out() + run.err()).as(command).doesNotContain("picocli WARN");
        }
    }

    @Test
    void forecastsThePlanAndExplainsTheModelChoice() {
        CliRun run = CliRun.of("capacity", "forecast", "--config", PLAN, "--no-color");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Capacity forecast: checkout", "checkout-requests (compute, req/s)",
                "normal peak (p95, last 7d)", "runway (forecast)", "runway (growth 20%/month)", "Candidate model",
                "MASE", "sMAPE", "events applied: black-friday", "peak 3× normal peak", "stress 10× normal peak");
    }

    @Test
    void theTextReportSaysHowThePlanWouldChangeWithSeasonalNaive() {
        // 80 req/s per instance at 70%: usable 56 req/s, near both forecasts' upper bounds, so the plans may differ
        CliRun run = CliRun.of("capacity", "forecast", CSV, "--unit", "req/s", "--instances", "1", "--per-instance",
                "80", "--no-color");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Seasonal naive \\(snaive\\(168\\)\\)( instead)?: (runway|same plan)")
                .containsPattern("upper bound peaks at [0-9.]+ req/s \\([+±-][0-9]+%\\)")
                .containsPattern("[0-9]+ instances? at the horizon");
    }

    @Test
    void aCsvWithFlagsGivesRunwayAndCostAndTheHtmlReportDrawsTheForecast() throws IOException {
        Path html = directory.resolve("forecast.html");
        CliRun run = CliRun.of("capacity", "forecast", CSV, "--unit", "req/s", "--instances", "1", "--per-instance",
                "60", "--unit-cost", "120", "--event", "launch:2026-12-01:x2", "--horizon", "30d", "--format", "html",
                "--output", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String report = Files.readString(html);
        assertThat(report).contains("<svg", "runway: 2026-11-", "usable capacity", "add 2 instances (1 → 3)",
                "/month");
    }

    @Test
    void planReadsTheForecastJsonAndAFindMaxResult() throws IOException {
        Path forecast = directory.resolve("forecast.json");
        CliRun written = CliRun.of("capacity", "forecast", "--config", PLAN, "--format", "json", "--output",
                forecast.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(Files.readString(forecast));
        assertThat(json.get("kind").asString()).isEqualTo("capacity-forecast");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode resource = json.get("resources").get(0);
        assertThat(resource.get("candidates").size()).isGreaterThan(1);
        assertThat(resource.get("forecast").get("upper").size()).isEqualTo(90 * 24);
        JsonNode baseline = resource.get("baseline");
        assertThat(baseline.get("model").asString()).startsWith("snaive(");
        assertThat(baseline.get("peakUpper").asDouble()).isPositive();
        assertThat(baseline.has("runway")).isTrue();
        assertThat(baseline.get("instancesAtHorizon").asInt()).isPositive();
        assertThat(resource.get("forecast").get("instancesAtHorizon").asInt()).isPositive();
        assertThat(baseline.get("samePlan").isBoolean()).isTrue();

        CliRun plan = CliRun.of("capacity", "plan", "--forecast", forecast.toString(), "--per-instance", FIND_MAX,
                "--format", "json");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode line = JsonMapper.shared().readTree(plan.out()).get("resources").get(0);
        double peak = line.get("peak").asDouble();
        double knee = JsonMapper.shared().readTree(Files.readString(Path.of(FIND_MAX))).get("knee").get("rate")
                .asDouble();
        assertThat(line.get("instancesNow").asInt()).isEqualTo((int) Math.ceil(peak * 3 / (knee * 0.7)));
        assertThat(line.get("instancesAtHorizon").asInt()).isGreaterThanOrEqualTo(line.get("instancesNow").asInt());
        assertThat(line.get("baseline").get("model").asString()).isEqualTo(baseline.get("model").asString());
        assertThat(line.get("baseline").get("instancesAtHorizon").asInt()).isEqualTo((int) Math.ceil(
                baseline.get("peakUpper").asDouble() * 3 / (knee * 0.7)));

        CliRun table = CliRun.of("capacity", "plan", "--forecast", forecast.toString(), "--per-instance", FIND_MAX,
                "--no-color");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Needed at horizon  Seasonal naive", "highest upper bound (snaive(168))");
    }

    @Test
    void aBadCsvRowIsAnInputErrorAtItsLine() throws IOException {
        Path csv = Files.writeString(directory.resolve("usage.csv"), "timestamp,value\n2026-11-01T00:00:00Z,1\n"
                + "2026-11-01T01:00:00Z,lots\n");
        CliRun run = CliRun.of("capacity", "forecast", csv.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err().strip()).isEqualTo(csv + ":3:22: error: \"lots\" is not a number; expected a usage "
                + "value such as 1234.5");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void anInvalidPlanListsEveryProblemWithItsLocation() throws IOException {
        Path plan = Files.writeString(directory.resolve("capacity.yaml"), "resources:\n"
                + "  - {name: api, kind: gpu, data: usage.csv, capacity: -1}\n");
        CliRun run = CliRun.of("capacity", "forecast", "--config", plan.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(plan + ":2:23: error: \"resources[0].kind\" has an unknown value \"gpu\"",
                plan + ":2:55: error: \"resources[0].capacity\" is -1");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void aMissingHistoryOrAnUnreachablePrometheusHasItsOwnExitCode() {
        assertThat(CliRun.of("capacity", "forecast").exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(CliRun.of("capacity", "plan", "--forecast", "nope.json", "--per-instance", "10").exitCode())
                .isEqualTo(ExitCode.INPUT);
        CliRun unreachable = CliRun.of("capacity", "forecast", "--prometheus", "http://127.0.0.1:9", "--query", "up");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCode.EXTERNAL);
        assertThat(unreachable.err()).contains("relia: error: ", "127.0.0.1:9");
    }
}
