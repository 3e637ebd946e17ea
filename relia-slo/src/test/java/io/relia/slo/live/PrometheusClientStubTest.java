package io.relia.slo.live;

import io.relia.slo.live.StubPrometheus.Reply;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.QueryException.Kind;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client's handling of answers a real Prometheus will not give on demand: failures, retries, chunk merging. */
class PrometheusClientStubTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String ONE_SAMPLE = "{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"job\":\"shop\"},"
            + "\"value\":[1790812800,\"42\"]}]}";

    private static PrometheusClient.Builder quickRetries(URI url) {
        return PrometheusClient.builder(url).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5));
    }

    private static Map<String, String> form(StubPrometheus.Request request) {
        return Arrays.stream(request.body().split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    @Test
    void postsTheInstantQueryFormEncodedUnderThePathPrefix() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.success(ONE_SAMPLE));
             PrometheusClient client = PrometheusClient.builder(stub.url().resolve("/prometheus")).build()) {
            List<TimeSeries> result = client.query("sum by (job) (up{job=\"shop\"})", T0);

            assertThat(result).containsExactly(TimeSeries.of(Map.of("job", "shop"), new double[] {42}));
            StubPrometheus.Request request = stub.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/prometheus/api/v1/query");
            assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(form(request)).containsEntry("query", "sum by (job) (up{job=\"shop\"})")
                    .containsEntry("time", "1790812800");
        }
    }

    @Test
    void splitsAMonthAtOneMinuteStepsIntoFourRequestsAndMergesThem() throws Exception {
        TimeGrid month = new TimeGrid(T0, T0.plus(Duration.ofDays(30)), Duration.ofMinutes(1));
        // Each point's value is its grid index, so the merge can be checked point by point.
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> rangeOfIndexes(form(r), month));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            List<TimeSeries> result = client.queryRange("up", month);

            assertThat(month.size()).isEqualTo(43_201);
            assertThat(stub.requests()).extracting(r -> form(r).get("start") + ".." + form(r).get("end"))
                    .containsExactly("1790812800..1791472740", "1791472800..1792132740",
                            "1792132800..1792792740", "1792792800..1793404800");
            assertThat(stub.requests()).allSatisfy(r -> assertThat(form(r)).containsEntry("step", "60"));
            assertThat(result).hasSize(1);
            double[] values = result.getFirst().values();
            for (int i = 0; i < values.length; i++) {
                assertThat(values[i]).as("point %d", i).isEqualTo(i);
            }
        }
    }

    private static Reply rangeOfIndexes(Map<String, String> form, TimeGrid grid) {
        long start = Long.parseLong(form.get("start"));
        long end = Long.parseLong(form.get("end"));
        StringBuilder values = new StringBuilder();
        for (long t = start; t <= end; t += 60) {
            values.append(values.isEmpty() ? "" : ",").append('[').append(t).append(",\"")
                    .append((t * 1000 - grid.millisAt(0)) / 60_000).append("\"]");
        }
        return Reply.success("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[" + values + "]}]}");
    }

    @Test
    void stepsPrometheusLeftOutAreNaNAndSpecialValuesParse() throws Exception {
        TimeGrid grid = new TimeGrid(T0, T0.plusSeconds(240), Duration.ofMinutes(1));
        String matrix = "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"1\"},\"values\":["
                + "[1790812800,\"NaN\"],[1790812860,\"+Inf\"],[1790812980,\"-Inf\"],[1790813040,\"1.5e3\"]]}]}";
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.success(matrix));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            double[] values = client.queryRange("x", grid).getFirst().values();

            assertThat(values).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN,
                    Double.NEGATIVE_INFINITY, 1500);
        }
    }

    @Test
    void aSampleOffTheGridIsABadResponse() throws Exception {
        String vector = "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1790812830.5,\"1\"]}]}";
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.success(vector));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("x", T0));

            assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
            assertThat(e).hasMessageContaining("1790812830.5").hasMessageContaining("not a time of the query grid");
        }
    }

    @Test
    void retriesServiceUnavailableTwiceThenSucceeds() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> n <= 2
                ? Reply.error(503, "unavailable", "too many queries") : Reply.success(ONE_SAMPLE));
             PrometheusClient client = quickRetries(stub.url()).maxRetries(3).build()) {
            assertThat(client.query("up", T0).getFirst().valueAt(0)).isEqualTo(42);
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastErrorAndTheAttempts() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.error(500, "internal", "disk on fire"));
             PrometheusClient client = quickRetries(stub.url()).maxRetries(2).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));

            assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR);
            assertThat(e).hasMessage("Prometheus at " + stub.url() + " answered HTTP 500: disk on fire"
                    + " (gave up after 3 attempts)");
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void aRejectedQueryIsNotRetriedAndCarriesPrometheusText() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.error(400, "bad_data",
                "invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis"));
             PrometheusClient client = quickRetries(stub.url()).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("sum(up", T0));

            assertThat(e.kind()).isEqualTo(Kind.BAD_QUERY);
            assertThat(e.isUserError()).isTrue();
            assertThat(e).hasMessageContaining(stub.url().toString())
                    .hasMessageContaining("1:5: parse error: unclosed left parenthesis").hasMessageEndingWith("sum(up");
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void notFoundHintsThatTheUrlMustBeTheServerRoot() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> new Reply(404, "text/plain", "404 page not found"));
             PrometheusClient client = quickRetries(stub.url().resolve("/graph")).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));

            assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR);
            assertThat(e).hasMessageContaining("/graph/api/v1/query").hasMessageContaining("server root");
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void anHtmlPageIsABadResponse() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> new Reply(200, "text/html",
                "<!doctype html><title>Grafana</title>"));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));

            assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
            assertThat(e).hasMessageContaining("text/html").hasMessageContaining("<!doctype html>");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheBound() throws Exception {
        try (StubPrometheus stub = StubPrometheus.silent();
             PrometheusClient client = quickRetries(stub.url()).requestTimeout(Duration.ofMillis(300)).maxRetries(1)
                     .build()) {
            long started = System.nanoTime();
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e).hasMessageContaining(stub.url().toString()).hasMessageContaining("300 ms")
                    .hasMessageContaining("gave up after 2 attempts");
            assertThat(took).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void anUnreachablePortIsUnreachableNamingTheUrl() throws Exception {
        try (PrometheusClient client = quickRetries(URI.create("http://127.0.0.1:1")).maxRetries(1).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));

            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e).hasMessage("cannot reach Prometheus at http://127.0.0.1:1: connection refused"
                    + " (gave up after 2 attempts)");
        }
    }

    @Test
    void neverHasMoreRequestsInFlightThanAllowed() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> {
                Thread.sleep(50);
                return Reply.success(ONE_SAMPLE);
            });
             PrometheusClient client = PrometheusClient.builder(stub.url()).maxInFlight(2).build();
             ExecutorService callers = Executors.newFixedThreadPool(12)) {
            List<Future<List<TimeSeries>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(callers.submit(() -> client.query("up", T0)));
            }
            for (Future<List<TimeSeries>> answer : answers) {
                assertThat(answer.get()).hasSize(1);
            }
            assertThat(stub.requests()).hasSize(12);
            assertThat(stub.mostConcurrentRequests()).isBetween(1, 2);
        }
    }

    @Test
    void anInterruptedCallerGetsAnExceptionAndKeepsTheFlag() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.success(ONE_SAMPLE));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> client.query("up", T0)).isInstanceOf(QueryException.class)
                        .hasMessageContaining("interrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void exposesTheWarningsOfTheLastQuery() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.json(200, "{\"status\":\"success\","
                + "\"data\":" + ONE_SAMPLE + ",\"warnings\":[\"remote read partial\"]}"));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            client.query("up", T0);

            assertThat(client.warnings()).containsExactly("remote read partial");
        }
    }
}
