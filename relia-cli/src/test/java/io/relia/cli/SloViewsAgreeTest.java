package io.relia.cli;

import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.relia.server.ReliaServer;
import io.relia.server.ServerSetup;
import io.relia.slo.status.BudgetPercent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The four views of an SLO's error budget, {@code relia review}, {@code relia slo status}, {@code relia slo gate}
 * and the dashboard's {@code GET /api/v1/slos}, computed on the same recorded data, agree: the same budget left (to
 * the shown precision), the same state, the same coverage of the window and the gate decision their state implies.
 */
class SloViewsAgreeTest {

    private static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability");
    private static final String SLO = "checkout-availability";
    private static final Pattern GATE_BUDGET = Pattern.compile(SLO + " (?:has )?(-?[0-9.]+%)");

    @TempDir
    Path directory;

    /**
     * What one view says.
     *
     * @param remaining budget left, as the view prints it
     * @param state     the policy state
     * @param coverage  the coverage clause of its verdict line
     */
    record View(String remaining, String state, String coverage) {
    }

    @Test
    void onTheExampleRecordingOfSixHoursOfThe30DayWindow() throws Exception {
        Path service = service(Files.readString(EXAMPLE.resolve("history/checkout-requests.om")));

        List<View> views = views(service);

        assertThat(views).allSatisfy(view -> assertThat(view).isEqualTo(new View("95.9%", "healthy",
                "data covers 6h of the 30d window (0.8%)")));
        assertThat(gate(service).exitCode()).isZero();
    }

    @Test
    void onARecordingLongerThanTheWindowWhereOnlyTheWindowCounts() throws Exception {
        // 32 days: two days of 20% errors before the window, then 0.09% errors: 90% of the budget spent.
        Instant end = Instant.parse("2026-11-02T14:00:00Z");
        Instant calm = end.minus(Duration.ofDays(30));
        Path service = service(CheckoutRecording.of(end.minus(Duration.ofDays(32)), end,
                t -> t.isAfter(calm) ? 9 : 2000));

        List<View> views = views(service);

        assertThat(views).allSatisfy(view -> assertThat(view).isEqualTo(new View("10%", "critical",
                "data covers the whole 30d window")));
        CliRun gate = gate(service);
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).startsWith("FREEZE deploy frozen: checkout-availability has 10% of its error budget "
                + "left (critical: below 25%); data covers the whole 30d window");
    }

    /** Review, status, gate and dashboard, in that order. */
    private List<View> views(Path service) throws Exception {
        JsonNode review = JsonMapper.shared().readTree(run("review", service.toString(), "--format", "json").out());
        JsonNode recorded = find(review.at("/sections/slo/recorded"));
        String evidence = StreamSupport.stream(review.get("checklist").spliterator(), false)
                .filter(item -> item.get("id").asString().equals("error-budget-tracking")).findFirst().orElseThrow()
                .get("evidence").toString();
        assertThat(evidence).contains(BudgetPercent.format(recorded.get("budgetRemaining").asDouble()) + " left ("
                + recorded.get("state").asString() + "), " + coverageText(recorded));
        View fromReview = new View(BudgetPercent.format(recorded.get("budgetRemaining").asDouble()),
                recorded.get("state").asString(), coverageText(recorded));

        JsonNode status = find(JsonMapper.shared().readTree(run("slo", "status", specs(service), "--data",
                data(service), "--slo", SLO, "--format", "json").out()).get("slos"));
        View fromStatus = new View(BudgetPercent.format(status.at("/budget/remainingRatio").asDouble()),
                status.get("state").asString(), status.at("/coverage/text").asString());

        String line = gate(service).out().lines().findFirst().orElseThrow();
        Matcher budget = GATE_BUDGET.matcher(line);
        assertThat(budget.find()).as(line).isTrue();
        String state = Pattern.compile("\\b(healthy|warning|critical|exhausted)\\b").matcher(line).results()
                .map(result -> result.group(1)).findFirst().orElseThrow();
        String coverage = Pattern.compile("data covers .*?window(?: \\(\\d[^)]*\\))?").matcher(line).results()
                .map(result -> result.group()).findFirst().orElseThrow();
        View fromGate = new View(budget.group(1), state, coverage);

        JsonNode dashboard = find(dashboard(service).get("slos")).get("status");
        View fromDashboard = new View(BudgetPercent.format(dashboard.get("budgetRemainingRatio").asDouble()),
                dashboard.get("state").asString(), dashboard.at("/coverage/text").asString());
        assertThat(dashboard.get("budgetRemainingRatio").asDouble())
                .isCloseTo(status.at("/budget/remainingRatio").asDouble(), within(1e-12))
                .isCloseTo(recorded.get("budgetRemaining").asDouble(), within(1e-12));
        return List.of(fromReview, fromStatus, fromGate, fromDashboard);
    }

    private static String coverageText(JsonNode recorded) {
        // The review's evidence line carries the same clause; rebuilt from its data to compare like with like.
        double share = recorded.get("coveredShare").asDouble();
        String window = recorded.get("window").asString();
        return share >= 1 ? "data covers the whole " + window + " window" : "data covers "
                + recorded.get("covered").asString() + " of the " + window + " window (" + Math.floor(share * 1000)
                / 10 + "%)";
    }

    private CliRun gate(Path service) {
        return CliRun.of("slo", "gate", specs(service), "--data", data(service), "--slo", SLO);
    }

    private JsonNode dashboard(Path service) throws IOException, InterruptedException {
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(directory.resolve("store")));
             ReliaServer server = ReliaServer.start(ServerSetup.of(store).withSlos(List.of(Path.of(specs(service))),
                     Optional.empty()).withSloData(Optional.of(Path.of(data(service)))),
                     ReliaServer.Options.loopback(0));
             HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/v1/slos")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.shared().readTree(response.body());
        }
    }

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static JsonNode find(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).filter(node -> node.get("id").asString().equals(SLO))
                .findFirst().orElseThrow(() -> new AssertionError("no " + SLO + " in " + list));
    }

    /** A service directory with the example's SLO spec and {@code recording} as its recorded history. */
    private Path service(String recording) throws IOException {
        Path service = directory.resolve("service");
        Files.createDirectories(service.resolve("reliability/history"));
        Files.copy(EXAMPLE.resolve("slos.yaml"), service.resolve("reliability/slos.yaml"));
        Files.writeString(service.resolve("reliability/history/requests.om"), recording);
        return service;
    }

    private static String specs(Path service) {
        return service.resolve("reliability/slos.yaml").toString();
    }

    private static String data(Path service) {
        return service.resolve("reliability/history/requests.om").toString();
    }
}
