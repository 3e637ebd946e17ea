package io.relia.slo.convert;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SloConverterTest {

    private static final Path PYRRA = Path.of("..", "..", "shared", "fixtures", "pyrra", "examples");
    private static final Duration DEFAULT = Duration.ofDays(30);
    private static final Location HERE = new Location("x", 1, 1);

    /** A native spec Pyrra can state: errors/total counters and a latency quantile on a classic histogram. */
    private static final String NATIVE = """
            service: shop
            slos:
              - name: api-errors
                description: Requests without a server error
                target: 99.5%
                window: 28d
                labels:
                  team: payments
                sli:
                  errors: http_requests_total{job="api",code=~"5.."}
                  total: http_requests_total{job="api"}
              - name: api-latency
                target: 300ms
                window: 28d
                sli:
                  type: latency
                  metric: >-
                    histogram_quantile(0.95,
                    sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))
            """;

    @TempDir
    Path directory;

    private static List<Slo> pyrraExamples() throws IOException {
        try (Stream<Path> files = Files.walk(PYRRA)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted()
                    .flatMap(file -> SloSpecs.load(file).slos().stream()).toList();
        }
    }

    private List<Slo> readText(String text) throws IOException {
        Path file = directory.resolve("converted.yaml");
        Files.writeString(file, text);
        SloFile read = SloSpecs.load(file);
        assertThat(read.problems()).filteredOn(Problem::isError).isEmpty();
        return read.slos();
    }

    /** The SLO without where and in which format it was written. */
    private static Slo definition(Slo slo) {
        return new Slo(slo.service(), slo.name(), slo.description(), slo.objective(), slo.period(), slo.sli(),
                slo.labels(), slo.alerting(), slo.burnRateAlerts(), slo.extensions(), "", HERE);
    }

    /** What must survive every conversion: no alerting, which each tool decides. */
    private static List<Object> measured(Slo slo) {
        return List.of(slo.service(), slo.name(), slo.description(), slo.objective(), slo.period(), slo.sli(),
                slo.labels(), slo.alerting().page().disabled(), slo.alerting().ticket().disabled(), slo.extensions());
    }

    @Test
    void everyPyrraExampleConvertsToPyrraAndReadsBackAsTheSameSlo() throws IOException {
        List<Slo> examples = pyrraExamples();
        assertThat(examples).hasSize(7);

        SloConverter.Conversion conversion = SloConverter.convert(examples, SloConverter.Format.PYRRA, DEFAULT,
                List.of());

        assertThat(conversion.problems()).isEmpty();
        assertThat(readText(conversion.text()).stream().map(SloConverterTest::definition).toList())
                .containsExactlyInAnyOrderElementsOf(examples.stream().map(SloConverterTest::definition).toList());
    }

    @Test
    void pyrraToNativeKeepsTheDefinitionAndPyrrasWindowsAndSaysWhatChangesInTheAlerts() throws IOException {
        List<Slo> examples = pyrraExamples();

        SloConverter.Conversion conversion = SloConverter.convert(examples, SloConverter.Format.NATIVE, DEFAULT,
                List.of("converted"));

        assertThat(conversion.hasErrors()).isFalse();
        assertThat(conversion.text()).startsWith("# converted\nservice: default\n");
        List<Slo> back = readText(conversion.text());
        assertThat(back.stream().map(SloConverterTest::measured).toList())
                .containsExactlyInAnyOrderElementsOf(examples.stream().map(SloConverterTest::measured).toList());
        Slo caddy = back.stream().filter(slo -> slo.name().equals("caddy-response-latency")).findFirst()
                .orElseThrow();
        assertThat(SloComparison.windows(caddy, DEFAULT)).isEqualTo("1h/5m×14, 6h/30m×7, 1d/2h×2, 4d/8h×1");
        assertThat(conversion.problems()).filteredOn(p -> p.message().contains("caddy")).extracting(Problem::message)
                .singleElement().satisfies(message -> assertThat(message).contains("4d/6h×1 become",
                        "4d/8h×1", "alert name ErrorBudgetBurn becomes DefaultCaddyResponseLatencySloBurnRate"));
    }

    @Test
    void pyrraToSlothKeepsTheDefinitionAndNamesThePeriodToGenerateWith() throws IOException {
        Slo coredns = SloSpecs.load(PYRRA.resolve("kubernetes/manifests/slos/slo-coredns-response-errors.yaml"))
                .slos().getFirst();

        SloConverter.Conversion conversion = SloConverter.convert(List.of(coredns), SloConverter.Format.SLOTH,
                DEFAULT, List.of());

        assertThat(conversion.hasErrors()).isFalse();
        Slo back = readText(conversion.text()).getFirst();
        assertThat(back.spec()).isEqualTo("prometheus/v1");
        assertThat(back.sli()).isEqualTo(coredns.sli());
        assertThat(back.objective()).isEqualTo(99.99);
        assertThat(back.id()).isEqualTo(coredns.id());
        assertThat(back.alerting().name()).isEqualTo("ErrorBudgetBurn");
        assertThat(conversion.problems()).extracting(Problem::message).anySatisfy(message -> assertThat(message)
                .contains("a Sloth spec holds no period; its period 2w must be given"));
        assertThat(conversion.problems()).extracting(Problem::expected)
                .contains("relia slo generate --default-period 2w");
    }

    @Test
    void nativeToPyrraAndBackGivesTheSameSlos() throws IOException {
        List<Slo> source = readText(NATIVE);

        SloConverter.Conversion toPyrra = SloConverter.convert(source, SloConverter.Format.PYRRA, DEFAULT,
                List.of());
        assertThat(toPyrra.hasErrors()).as(toPyrra.problems().toString()).isFalse();
        assertThat(toPyrra.text()).contains("""
                    ratio:
                      errors:
                        metric: "http_requests_total{job=\\"api\\",code=~\\"5..\\"}"
                """, """
                    latency:
                      success:
                        metric: "http_request_duration_seconds_bucket{job=\\"api\\",le=\\"0.3\\"}"
                """, "  namespace: shop\n", "    pyrra.dev/team: payments\n", "  target: \"99.5\"\n");
        List<Slo> pyrra = readText(toPyrra.text());
        assertThat(pyrra.stream().map(SloConverterTest::measured).toList())
                .containsExactlyElementsOf(source.stream().map(SloConverterTest::measured).toList());

        SloConverter.Conversion back = SloConverter.convert(pyrra, SloConverter.Format.NATIVE, DEFAULT, List.of());
        assertThat(readText(back.text()).stream().map(SloConverterTest::measured).toList())
                .containsExactlyElementsOf(source.stream().map(SloConverterTest::measured).toList());
    }

    @Test
    void nativeGoodOverTotalQueriesBecomePyrraIndicatorsOfTheSameCounters() throws IOException {
        List<Slo> payments = SloSpecs.load(Path.of("..", "examples", "checkout-service", "reliability",
                "payments-slos.yaml")).slos();

        SloConverter.Conversion conversion = SloConverter.convert(payments, SloConverter.Format.PYRRA, DEFAULT,
                List.of());

        assertThat(conversion.hasErrors()).as(conversion.problems().toString()).isFalse();
        List<Slo> back = readText(conversion.text());
        assertThat(back).extracting(slo -> PyrraQueriesView.kind(slo)).containsExactly("ratio", "latency");
        assertThat(back).extracting(slo -> io.relia.slo.promql.SliSignature.of(slo.sli()))
                .containsExactlyElementsOf(payments.stream().map(slo -> io.relia.slo.promql.SliSignature.of(slo.sli()))
                        .toList());
        assertThat(conversion.text()).contains("metric: \"http_requests_total{route=\\\"/payments\\\","
                + "service=\\\"payments\\\",status=~\\\"5..\\\"}\"");
        assertThat(conversion.problems()).filteredOn(Problem::isNote).extracting(Problem::message)
                .anySatisfy(message -> assertThat(message).contains("the SLI is written in pyrra's form, the same "
                        + "counters"));
    }

    /** Which Pyrra indicator an SLO read from Pyrra has, by the shape of its error ratio. */
    private static final class PyrraQueriesView {
        static String kind(Slo slo) {
            String error = switch (slo.sli()) {
                case io.relia.slo.Sli.Events events -> events.errorQuery();
                case io.relia.slo.Sli.Raw raw -> raw.errorRatioQuery();
            };
            return error.startsWith("(") ? "latency" : "ratio";
        }
    }

    @Test
    void anSloPyrraCannotStateIsRefusedAtItsLocationAndNothingIsWritten() throws IOException {
        List<Slo> source = readText("""
                service: shop
                slos:
                  - name: checkout
                    target: 99.9%
                    sli:
                      metric: 'sum(rate(ok_total[5m])) / sum(rate(all_total[5m]))'
                  - name: under_score
                    target: 99%
                    sli:
                      errors: errors_total
                      total: requests_total
                """);

        SloConverter.Conversion conversion = SloConverter.convert(source, SloConverter.Format.PYRRA, DEFAULT,
                List.of());

        assertThat(conversion.text()).isEmpty();
        assertThat(conversion.problems()).filteredOn(Problem::isError).extracting(Problem::format)
                .map(line -> line.substring(line.indexOf("converted.yaml:"))).containsExactly(
                        "converted.yaml:3:5: error: SLO \"shop-checkout\": the SLI is none of Pyrra's indicators; "
                                + "expected errors and total counters (ratio), a histogram's le bucket and count "
                                + "(latency), a 0/1 gauge (bool_gauge) or a native histogram (latencyNative), as "
                                + "sum(rate(...)) per group (hint: Pyrra reads metric selectors, not PromQL "
                                + "expressions)",
                        "converted.yaml:7:5: error: SLO \"shop-under_score\" cannot be written as pyrra: "
                                + "metadata.name \"under_score\" is not a Kubernetes object name; expected lower-case "
                                + "letters, digits, '-' and '.', starting and ending with a letter or digit (hint: "
                                + "Kubernetes refuses the resource)");
    }

    @Test
    void aNativeRawSliDoesNotSurviveAndSlothOutputsNeedOnePeriod() throws IOException {
        List<Slo> pyrra = readText("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: api-latency, namespace: shop}
                spec:
                  target: "95"
                  window: 4w
                  indicator:
                    latencyNative:
                      latency: 100ms
                      total: {metric: http_request_duration_seconds}
                ---
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: api-errors, namespace: shop}
                spec:
                  target: "99"
                  window: 2w
                  indicator:
                    ratio: {errors: {metric: 'x_total{code="500"}'}, total: {metric: x_total}}
                """);

        SloConverter.Conversion toNative = SloConverter.convert(pyrra, SloConverter.Format.NATIVE, DEFAULT,
                List.of());
        SloConverter.Conversion toSloth = SloConverter.convert(pyrra, SloConverter.Format.SLOTH, DEFAULT, List.of());

        assertThat(toNative.problems()).filteredOn(Problem::isError).extracting(Problem::message).singleElement()
                .satisfies(message -> assertThat(message).startsWith("SLO \"shop-api-latency\" would change as "
                        + "native: SLI"));
        assertThat(toSloth.problems()).filteredOn(Problem::isError).extracting(Problem::message).singleElement()
                .satisfies(message -> assertThat(message).isEqualTo("SLO \"shop-api-errors\" has the period 14d, "
                        + "others 28d"));
        assertThat(toNative.text()).isEmpty();
        assertThat(toSloth.text()).isEmpty();
    }
}
