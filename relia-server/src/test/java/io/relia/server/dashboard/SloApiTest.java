package io.relia.server.dashboard;

import io.javalin.Javalin;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.query.SloQueries;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code GET /api/v1/slos}: the SLOs of the spec files, and live status only when something measured it. */
class SloApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void listsTheCheckoutExampleSlosWithObjectiveWindowAndBudgetButNoInventedStatus() throws Exception {
        JsonNode body = slos(setup -> setup.withSlos(TestServer.exampleSloFiles(), Optional.empty()));

        assertThat(body.get("live").asBoolean()).isFalse();
        assertThat(body.get("message").asString())
                .isEqualTo("no live data (start relia serve with --prometheus URL)");
        assertThat(body.get("problems")).noneSatisfy(problem -> assertThat(problem.get("level").asString())
                .isEqualTo("error"));
        assertThat(ids(body)).contains("checkout-availability", "payments-payment-availability",
                "payments-payment-latency", "checkout-requests-availability");
        JsonNode payments = slo(body, "payments-payment-latency");
        assertThat(payments.get("objectivePercent").asDouble()).isEqualTo(99.0);
        assertThat(payments.get("period").asString()).isEqualTo("30d");
        assertThat(payments.at("/budget/minutes").asDouble()).isCloseTo(432, within(1e-9));
        assertThat(payments.get("status").isNull()).isTrue();
    }

    @Test
    void findsSloDocumentsInADirectoryByContentAndIgnoresTheOtherFiles() throws Exception {
        Path reliability = TestServer.repository().resolve("examples/checkout-service/reliability");

        JsonNode body = slos(setup -> setup.withSlos(List.of(reliability), Optional.empty()));

        assertThat(ids(body)).contains("checkout-availability", "payments-payment-availability");
        assertThat(body.get("problems").toString()).doesNotContain("capacity.yaml").doesNotContain("incidents.yaml");
    }

    @Test
    void reportsProblemsOfABrokenSpecWithTheirLocation() throws Exception {
        Path broken = Files.writeString(data.resolve("broken.yaml"), "service: shop\nslos:\n  - name: x\n");

        JsonNode body = slos(setup -> setup.withSlos(List.of(broken), Optional.empty()));

        assertThat(body.get("slos")).isEmpty();
        assertThat(body.at("/problems/0/level").asString()).isEqualTo("error");
        assertThat(body.at("/problems/0/text").asString()).startsWith(broken + ":").contains("error");
    }

    @Test
    void returnsHostileTextOfASpecAsData() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>\\\"'&";
        Path spec = Files.writeString(data.resolve("hostile.yaml"), """
                version: "prometheus/v1"
                service: "shop"
                slos:
                  - name: "availability"
                    objective: 99.5
                    description: "%s"
                    sli:
                      raw:
                        error_ratio_query: sum(rate(errors[{{.window}}])) / sum(rate(total[{{.window}}]))
                    alerting:
                      page_alert:
                        disable: true
                      ticket_alert:
                        disable: true
                """.formatted(hostile));

        JsonNode body = slos(setup -> setup.withSlos(List.of(spec), Optional.empty()));

        assertThat(slo(body, "shop-availability").get("description").asString())
                .isEqualTo("<img src=x onerror=alert(1)>\"'&");
    }

    @Test
    void saysThereIsNoLiveDataWhenPrometheusIsUnreachable() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:1");

        JsonNode body = slos(setup -> setup.withSlos(TestServer.exampleSloFiles(), Optional.of(nowhere)));

        assertThat(body.get("live").asBoolean()).isFalse();
        assertThat(body.get("message").asString()).startsWith("no live data:");
        assertThat(body.get("slos")).allSatisfy(slo -> assertThat(slo.get("status").isNull()).isTrue());
    }

    @Test
    void measuresBudgetLeftAndBurnDownAsSloStatusDoes() throws Exception {
        Path reliability = TestServer.repository().resolve("examples/checkout-service/reliability");
        RecordedData recorded = RecordedData.load(reliability.resolve("history/checkout-requests.om"));
        OfflineEngine engine = new OfflineEngine(recorded);
        Instant at = recorded.last().orElseThrow();
        SloCatalog catalog = SloCatalog.load(List.of(reliability.resolve("sloth/checkout-availability.yaml")));
        SloStatus expected = new StatusEvaluator(engine, LiveStatus.DEFAULT_PERIOD, BudgetPolicy.DEFAULT, 1)
                .evaluate(new StatusEvaluator.Target(catalog.slos().getFirst(),
                        SloQueries.of(catalog.slos().getFirst())), at);

        JsonNode body;
        try (SloApi api = new SloApi(catalog, recorded)) {
            body = serve(api);
        }

        assertThat(body.get("live").asBoolean()).isTrue();
        assertThat(body.get("source").asString()).contains("checkout-requests.om");
        JsonNode status = body.get("slos").get(0).get("status");
        assertThat(status.get("state").asString()).isEqualTo(expected.state().label());
        assertThat(status.get("budgetRemainingRatio").asDouble())
                .isCloseTo(expected.budgetRemaining(), within(1e-12));
        JsonNode remaining = status.at("/burnDown/remainingPercent");
        assertThat(remaining.size()).isEqualTo(status.at("/burnDown/times").size()).isGreaterThan(1);
        assertThat(remaining.get(remaining.size() - 1).asDouble())
                .isCloseTo(expected.budgetRemaining() * 100, within(1e-6));
        assertThat(status.at("/burnDown/times/0").asString()).as("starts with the recording")
                .isGreaterThan(recorded.first().orElseThrow().toString());
    }

    private JsonNode slos(java.util.function.UnaryOperator<io.relia.server.ServerSetup> setup) throws Exception {
        try (TestServer server = new TestServer(data.resolve("store"), setup)) {
            HttpResponse<String> response = server.get("/api/v1/slos");
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    private static JsonNode serve(SloApi api) throws Exception {
        Javalin app = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            api.configure(config);
        }).start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TestServer.TIMEOUT).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.port() + "/api/v1/slos")).timeout(TestServer.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } finally {
            app.stop();
        }
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("slos").forEach(slo -> ids.add(slo.get("id").asString()));
        return ids;
    }

    private static JsonNode slo(JsonNode body, String id) {
        for (JsonNode slo : body.get("slos")) {
            if (slo.get("id").asString().equals(id)) {
                return slo;
            }
        }
        throw new AssertionError("no SLO " + id + " in " + ids(body));
    }
}
