package io.relia.slo.pyrra;

import io.relia.core.Problem;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PyrraReaderTest {

    /** Pyrra's own examples and CRD (../shared/fixtures/pyrra/SOURCES.md). */
    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "pyrra", "examples");

    @TempDir
    Path directory;

    static SloFile load(Path file) {
        return SloSpecs.load(file);
    }

    SloFile read(String yaml) throws IOException {
        Path file = directory.resolve("slo.yaml");
        Files.writeString(file, yaml);
        return SloSpecs.load(file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            caddy-response-latency.yaml | default-caddy-response-latency | 90 | 28 | latency
            docker-compose/pyrra/prometheus-http.yaml | monitoring-prometheus-api-query | 99 | 7 | ratio
            k8s/apiserver-read-cluster-latency | monitoring-apiserver-read-cluster-latency | 99 | 14 | latency
            k8s/apiserver-read-namespace-latency | monitoring-apiserver-read-namespace-latency | 99 | 14 | latency
            k8s/apiserver-read-response-errors | monitoring-apiserver-read-response-errors | 99 | 14 | ratio
            k8s/apiserver-write-response-errors | monitoring-apiserver-write-response-errors | 99 | 14 | ratio
            k8s/coredns-response-errors | monitoring-coredns-response-errors | 99.99 | 14 | ratio
            """)
    void everyPyrraExampleReadsAsOneSloWithItsObjectiveWindowAndIndicator(String file, String id, double objective,
                                                                         int days, String indicator) {
        // k8s/NAME is kubernetes/manifests/slos/slo-NAME.yaml.
        SloFile read = load(FIXTURES.resolve(file.startsWith("k8s/")
                ? "kubernetes/manifests/slos/slo-" + file.substring(4) + ".yaml" : file));

        assertThat(read.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(read.formats()).containsExactly("pyrra");
        Slo slo = read.slos().getFirst();
        assertThat(read.slos()).hasSize(1);
        assertThat(slo.id()).isEqualTo(id);
        assertThat(slo.objective()).isEqualTo(objective);
        assertThat(slo.period()).contains(Duration.ofDays(days));
        assertThat(slo.spec()).isEqualTo(PyrraReader.SPEC);
        assertThat(PyrraQueries.indicator(slo.sli())).map(found -> found.kind().key()).contains(indicator);
    }

    @Test
    void aRatioIsErrorsOverTotalCountersAsPyrraComputesIt() {
        Slo slo = load(FIXTURES.resolve("docker-compose/pyrra/prometheus-http.yaml")).slos().getFirst();

        assertThat(slo.sli()).isEqualTo(new Sli.Events(
                "sum(rate(prometheus_http_requests_total{handler=\"/api/v1/query\",code=~\"5..\"}[{{.window}}]))",
                "sum(rate(prometheus_http_requests_total{handler=\"/api/v1/query\"}[{{.window}}]))"));
        assertThat(slo.service()).isEqualTo("monitoring");
        assertThat(slo.name()).isEqualTo("prometheus-api-query");
    }

    @Test
    void aLatencyIsTotalMinusTheFastBucketOverTotal() {
        Slo slo = load(FIXTURES.resolve("caddy-response-latency.yaml")).slos().getFirst();

        String total = "sum(rate(caddy_http_response_duration_seconds_count{job=\"caddy\",handler=\"subroute\","
                + "code!~\"5..\"}[{{.window}}]))";
        assertThat(slo.sli()).isEqualTo(new Sli.Events("(" + total + ") - (sum(rate(caddy_http_response_duration_"
                + "seconds_bucket{job=\"caddy\",handler=\"subroute\",code!~\"5..\",le=\"0.05\"}[{{.window}}])))",
                total));
        assertThat(slo.description()).startsWith("We want our demo to be fast");
    }

    @Test
    void groupingKeepsOneErrorRatioPerGroup() throws IOException {
        SloFile read = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata:
                  name: api-errors
                  namespace: shop
                spec:
                  target: "99.5"
                  window: 28d
                  indicator:
                    ratio:
                      errors:
                        metric: http_requests_total{job="api",code=~"5.."}
                      total:
                        metric: http_requests_total{job="api"}
                      grouping: [handler, method]
                """);

        assertThat(read.slos().getFirst().sli()).isEqualTo(new Sli.Events(
                "sum by (handler, method) (rate(http_requests_total{job=\"api\",code=~\"5..\"}[{{.window}}]))",
                "sum by (handler, method) (rate(http_requests_total{job=\"api\"}[{{.window}}]))"));
        assertThat(read.slos().getFirst().objective()).isEqualTo(99.5);
    }

    @Test
    void aBoolGaugeCountsTheSamplesThatAreNotOne() throws IOException {
        SloFile read = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata:
                  name: probe-up
                  namespace: edge
                spec:
                  target: "99"
                  window: 4w
                  indicator:
                    bool_gauge:
                      metric: probe_success{job="blackbox"}
                      grouping: [instance]
                """);

        String count = "sum by (instance) (count_over_time(probe_success{job=\"blackbox\"}[{{.window}}]))";
        assertThat(read.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(read.slos().getFirst().sli()).isEqualTo(new Sli.Events("(" + count + ") - (sum by (instance) "
                + "(sum_over_time(probe_success{job=\"blackbox\"}[{{.window}}])))", count));
    }

    @Test
    void aNativeLatencyIsOneMinusTheHistogramFractionBelowTheLatency() throws IOException {
        SloFile read = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata:
                  name: api-latency
                  namespace: shop
                spec:
                  target: "95"
                  window: 4w
                  indicator:
                    latencyNative:
                      latency: 100ms
                      total:
                        metric: http_request_duration_seconds{job="api"}
                """);

        assertThat(read.slos().getFirst().sli()).isEqualTo(new Sli.Raw("1 - histogram_fraction(0, 0.1, "
                + "sum(rate(http_request_duration_seconds{job=\"api\"}[{{.window}}])))"));
    }

    @Test
    void alertsFollowPyrrasFourWindowPairsScaledToTheWindow() {
        Slo caddy = load(FIXTURES.resolve("caddy-response-latency.yaml")).slos().getFirst();
        Slo apiserver = load(FIXTURES.resolve("kubernetes/manifests/slos/slo-apiserver-read-response-errors.yaml"))
                .slos().getFirst();

        assertThat(caddy.burnRateAlerts()).containsExactly(
                new BurnRateAlert(Duration.ofHours(1), Duration.ofMinutes(5), 14, true, "critical"),
                new BurnRateAlert(Duration.ofHours(6), Duration.ofMinutes(30), 7, true, "critical"),
                new BurnRateAlert(Duration.ofDays(1), Duration.ofHours(2), 2, false, "warning"),
                new BurnRateAlert(Duration.ofDays(4), Duration.ofHours(6), 1, false, "warning"));
        assertThat(caddy.alerting().page().forDuration()).contains(Duration.ofMinutes(2));
        assertThat(caddy.alerting().ticket().forDuration()).contains(Duration.ofHours(1));
        assertThat(caddy.alerting().name()).isEqualTo("ErrorBudgetBurn");
        // 2w halves every window; 2.5m rounds up to 3m as Go's Duration.Round does.
        assertThat(apiserver.burnRateAlerts()).extracting(BurnRateAlert::longWindow, BurnRateAlert::shortWindow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(30), Duration.ofMinutes(3)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofHours(3), Duration.ofMinutes(15)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofHours(12), Duration.ofHours(1)),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofDays(2), Duration.ofHours(3)));
    }

    @Test
    void theAbsentAlertAndPerPairForAreNotesNotSilentlyDropped() {
        SloFile read = load(FIXTURES.resolve("caddy-response-latency.yaml"));

        assertThat(read.problems()).filteredOn(Problem::isNote).extracting(Problem::message)
                .anySatisfy(message -> assertThat(message).contains("SLOMetricAbsent) is not generated",
                        "Pyrra waits per pair (2m, 15m, 1h, 3h)"))
                .anySatisfy(message -> assertThat(message).contains("metadata.namespace is not set"));
    }

    @Test
    void resourceLabelsAreNamedAndPyrraPrefixedLabelsBecomeRuleLabels() throws IOException {
        SloFile read = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata:
                  name: api-errors
                  namespace: shop
                  labels:
                    prometheus: k8s
                    pyrra.dev/team: payments
                  annotations:
                    pyrra.dev/runbook_url: https://runbooks/api
                    kubectl.kubernetes.io/last-applied-configuration: "{}"
                spec:
                  target: "99"
                  window: 28d
                  alerting:
                    name: ApiErrorBudgetBurn
                    absent: false
                  indicator:
                    ratio:
                      errors: {metric: 'http_requests_total{code=~"5.."}'}
                      total: {metric: http_requests_total}
                """);

        Slo slo = read.slos().getFirst();
        assertThat(slo.labels()).isEqualTo(Map.of("team", "payments"));
        assertThat(slo.alerting().annotations()).isEqualTo(Map.of("runbook_url", "https://runbooks/api"));
        assertThat(slo.alerting().name()).isEqualTo("ApiErrorBudgetBurn");
        assertThat(read.problems()).extracting(Problem::format).anySatisfy(line -> assertThat(line)
                .contains("slo.yaml:6:3: note: metadata.labels prometheus label the PrometheusRule resource"));
        assertThat(read.problems()).extracting(Problem::message).noneMatch(m -> m.contains("SLOMetricAbsent"));
    }

    @Test
    void switchedOffBurnRateAlertsDisableBothTiers() throws IOException {
        for (String alerting : List.of("burnrates: false", "disabled: true")) {
            SloFile read = read("""
                    apiVersion: pyrra.dev/v1alpha1
                    kind: ServiceLevelObjective
                    metadata: {name: quiet, namespace: shop}
                    spec:
                      target: "99"
                      window: 28d
                      alerting:
                        %s
                      indicator:
                        ratio:
                          errors: {metric: 'x_total{code="500"}'}
                          total: {metric: x_total}
                    """.formatted(alerting));

            Slo slo = read.slos().getFirst();
            assertThat(slo.alerting().page().disabled()).as(alerting).isTrue();
            assertThat(slo.alerting().ticket().disabled()).as(alerting).isTrue();
        }
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceWithItsLocation() throws IOException {
        SloFile read = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata:
                  name: Api_Errors
                  namespace: shop
                spec:
                  target: 99.5
                  window: 30 days
                  windw: 28d
                  alerting:
                    burnrates: "no"
                  indicator:
                    ratio:
                      errors:
                        metric: sum(rate(http_requests_total{code=~"5.."}[5m]))
                      total:
                        metric: http_requests_total
                      grouping: handler
                """);

        assertThat(read.slos()).isEmpty();
        assertThat(read.problems()).extracting(Problem::format).map(line -> line.substring(line.indexOf("slo.yaml:")))
                .contains(
                        "slo.yaml:4:9: error: metadata.name \"Api_Errors\" is not a Kubernetes object name; expected "
                                + "lower-case letters, digits, '-' and '.', starting and ending with a letter or "
                                + "digit (hint: Kubernetes refuses the resource)",
                        "slo.yaml:7:11: error: spec.target is a number; expected a percentage between 0 and 100 as "
                                + "a string, such as \"99.5\" (hint: quote it (target: \"99.5\"): the CRD types it as "
                                + "a string and Kubernetes refuses a number)",
                        "slo.yaml:8:11: error: spec.window \"30 days\" is not a Prometheus duration; expected a "
                                + "duration such as 7d, 28d or 4w (units ms, s, m, h, d, w, y)",
                        "slo.yaml:9:3: warning: unknown key \"spec.windw\" (hint: did you mean \"window\"?)",
                        "slo.yaml:11:16: error: \"spec.alerting.burnrates\" is a string; expected true or false")
                .anySatisfy(line -> assertThat(line).startsWith("slo.yaml:15:17: error: \"spec.indicator.ratio"
                        + ".errors.metric\" is not a metric selector"))
                .anySatisfy(line -> assertThat(line).startsWith("slo.yaml:18:17: error: \"spec.indicator.ratio"
                        + ".grouping\" is a string; expected a list of label names"));
    }

    @Test
    void aLatencyWithoutAnLeBucketAndTwoIndicatorsAreErrors() throws IOException {
        SloFile latency = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: slow, namespace: shop}
                spec:
                  target: "99"
                  window: 28d
                  indicator:
                    latency:
                      success:
                        metric: http_request_duration_seconds_bucket{job="api"}
                      total:
                        metric: http_request_duration_seconds_count{job="api"}
                """);
        assertThat(latency.problems()).filteredOn(Problem::isError).extracting(Problem::format)
                .singleElement().satisfies(line -> assertThat(line).contains("slo.yaml:10:17: error: the latency "
                        + "success metric has no le=\"...\" matcher"));

        SloFile both = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: both, namespace: shop}
                spec:
                  target: "99"
                  window: 28d
                  indicator:
                    ratio: {errors: {metric: a_total}, total: {metric: b_total}}
                    bool_gauge: {metric: up}
                """);
        assertThat(both.problems()).filteredOn(Problem::isError).extracting(Problem::format).singleElement()
                .satisfies(line -> assertThat(line).contains("slo.yaml:8:5: error: spec.indicator has 2 indicators "
                        + "(ratio, bool_gauge); expected exactly one of ratio, latency, latencyNative or bool_gauge"));
    }

    @Test
    void aTargetOutOfRangeAWindowTooShortAndSplitSeveritiesAreErrors() throws IOException {
        SloFile read = read("""
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: odd, namespace: shop}
                spec:
                  target: "100"
                  window: 1d
                  alerting:
                    severities: {fastBurn: critical, mediumBurn: high}
                  indicator:
                    ratio: {errors: {metric: a_total}, total: {metric: b_total}}
                """);

        assertThat(read.problems()).filteredOn(Problem::isError).extracting(Problem::format)
                .map(line -> line.substring(line.indexOf("slo.yaml:"))).containsExactly(
                        "slo.yaml:5:11: error: spec.target 100 is out of range; expected more than 0 and less than "
                                + "100 (hint: a 100% target leaves no error budget)",
                        "slo.yaml:6:11: error: spec.window 1d is too short for Pyrra's alert windows (the shortest "
                                + "rounds to 0m); expected at least 2d19h12m (hint: Pyrra scales its windows from 5m "
                                + "at 28d)",
                        "slo.yaml:8:50: error: spec.alerting.severities.mediumBurn (high) differs from fastBurn "
                                + "(critical); expected the same severity for fastBurn and mediumBurn (hint: Relia "
                                + "raises one alert per tier (page: fastBurn and mediumBurn; ticket: slowBurn and "
                                + "longTermBurn) with one severity label)");
    }

    @Test
    void anotherPyrraVersionIsRefusedAndOtherPyrraKindsAreNoSlo() throws IOException {
        SloFile version = read("""
                apiVersion: pyrra.dev/v1
                kind: ServiceLevelObjective
                metadata: {name: x}
                spec: {}
                """);
        assertThat(version.problems()).filteredOn(Problem::isError).extracting(Problem::message)
                .containsExactly("Pyrra pyrra.dev/v1 is not supported");
        assertThat(PyrraWindows.of(Duration.ofDays(28))).map(List::size).isEqualTo(Optional.of(4));
    }
}
