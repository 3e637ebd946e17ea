package io.relia.chaos.run;

import io.relia.chaos.experiment.Provider;
import io.relia.core.report.ReportFormat;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What people read from a run: measurements with units, JSON rather than Java's {k=v}, times without nanoseconds. */
class ReadableOutputTest {

    private static final Instant START = Instant.parse("2026-11-23T17:28:49.542846737Z");

    @Test
    void measurementsCarryTheirUnit() {
        assertThat(Outputs.metric("p99_latency", 25.583)).isEqualTo("25.6 ms");
        assertThat(Outputs.metric("error_rate", 0.46667)).isEqualTo("46.67%");
        assertThat(Outputs.metric("throughput", 19.84)).isEqualTo("19.8 req/s");
        assertThat(Outputs.metric("circuit_breaker_open", 1.0)).isEqualTo("1");
        assertThat(Outputs.metric("p99_latency", Double.NaN)).isEqualTo("no value");
    }

    @Test
    void aTrafficMeasurementSaysHowManyRequestsFailedAndWhyMostFrequentFirst() {
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        reasons.put("HTTP 503 from http://127.0.0.1:8080/checkout", 3L);
        reasons.put("connection refused to 127.0.0.1:8080", 2L);
        TrafficSource.Snapshot several = new TrafficSource.Snapshot(80, 5, 1, 2, 3, 4, 20, java.time.Duration
                .ofSeconds(4), reasons);
        TrafficSource.Snapshot one = new TrafficSource.Snapshot(1, 1, 1, 1, 1, 1, 1, java.time.Duration.ofSeconds(4),
                Map.of("connection refused to 127.0.0.1:8080", 1L));
        TrafficSource.Snapshot none = new TrafficSource.Snapshot(80, 0, 1, 2, 3, 4, 20, java.time.Duration
                .ofSeconds(4), Map.of());

        assertThat(several.basis()).isEqualTo("80 requests in the last 4s, 5 failed: 3 × HTTP 503 from "
                + "http://127.0.0.1:8080/checkout; 2 × connection refused to 127.0.0.1:8080");
        assertThat(one.basis()).isEqualTo("1 request in the last 4s, 1 failed: connection refused to 127.0.0.1:8080");
        assertThat(none.basis()).isEqualTo("80 requests in the last 4s, none failed");
    }

    @Test
    void structuredOutputsAreShownAsJsonAndPlainNumbersWithoutTrailingZeros() {
        assertThat(Outputs.brief(Map.of("status", 200, "body", Map.of("status", "UP"))))
                .isEqualTo("HTTP 200: {\"status\":\"UP\"}");
        assertThat(Outputs.brief(Map.of("name", "relia_latency"))).isEqualTo("{\"name\":\"relia_latency\"}");
        assertThat(Outputs.brief(0.35)).isEqualTo("0.35");
    }

    @Test
    void aToxicIsDescribedWithItsAttributesInTheirUnits() {
        Provider.AddToxic toxic = new Provider.AddToxic(URI.create("http://127.0.0.1:8474"), "payments",
                "relia_latency", "latency", "downstream", 0.5, Map.of("latency", 200L, "jitter", 0L));

        assertThat(toxic.describe()).isEqualTo("add latency toxic relia_latency (jitter 0 ms, latency 200 ms) on proxy"
                + " payments, toxicity 0.5");
    }

    @Test
    void journalTimesAreMillisecondsAndTheReportSaysSeconds() throws Exception {
        Journal.ActivityRun probe = new Journal.ActivityRun("steady state: p99_latency < 500ms", "probe",
                "measure p99_latency", true, 25.583, Optional.empty(), START, START.plusMillis(2),
                Optional.of(true), Optional.of("25.6 ms (80 requests in the last 4s, none failed)"));
        Journal journal = new Journal(Map.of("title", "t"), "t", START, START.plusSeconds(19), Journal.Status.COMPLETED,
                false, Optional.of(new Journal.SteadyState("before", true, List.of(probe))), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), "", List.of(), List.of());
        StringWriter text = new StringWriter();

        ExperimentReport.write(journal, ReportFormat.TEXT, text);

        assertThat(JournalWriter.toMap(journal)).containsEntry("start", "2026-11-23T17:28:49.542Z");
        // Status lists wrap at the text width: read the lines of one item as one.
        assertThat(text.toString().replaceAll("\\s+", " ")).contains("Started 2026-11-23T17:28:49Z, ran 19.000 s.",
                "met: steady state: p99_latency < 500ms: measured 25.6 ms (80 requests in the last 4s, none failed)")
                .doesNotContain("542846737", "25.5830");
    }
}
