package io.relia.slo.sloth;

import io.relia.core.Problem;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import io.relia.slo.Sli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Sloth's validate accepts and refuses what Relia's does: alert names, SLI queries parsed as PromQL. */
class SlothValidationParityTest {

    private static SloFile read(String alertName, String errorQuery, String totalQuery) {
        String yaml = """
                version: "prometheus/v1"
                service: "svc"
                slos:
                  - name: "requests"
                    objective: 99.9
                    sli:
                      events:
                        error_query: '%s'
                        total_query: '%s'
                    alerting:
                      name: "%s"
                """.formatted(errorQuery, totalQuery, alertName);
        return SloSpecs.read(Path.of("sloth.yaml"), SpecLoader.parse(Path.of("sloth.yaml"), yaml).file()
                .orElseThrow().documents());
    }

    private static SloFile read(String errorQuery) {
        return read("HighErrorRate", errorQuery, "sum(rate(http_requests_total[{{.window}}]))");
    }

    private static java.util.List<String> errors(SloFile file) {
        return file.problems().stream().filter(Problem::isError).map(Problem::format).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-service-high-error-rate", "svc.errors", "Errors 5xx"})
    void alertNamesAreAcceptedAsPrometheusAcceptsThem(String name) {
        SloFile file = read(name, "sum(rate(errors_total[{{.window}}]))", "sum(rate(requests_total[{{.window}}]))");

        assertThat(errors(file)).isEmpty();
        assertThat(file.slos()).singleElement().satisfies(slo -> assertThat(slo.alerting().name()).isEqualTo(name));
    }

    @Test
    void aRangeOnAComparisonIsRefusedAsPrometheusRefusesIt() {
        SloFile file = read("sum(probe_success{job=\"blackbox\"} == 0[{{.window}}])");

        assertThat(file.slos()).isEmpty();
        assertThat(errors(file)).singleElement().asString()
                .startsWith("sloth.yaml:4:5: error: the SLI's error query is not valid PromQL: "
                        + "ranges only allowed for vector selectors");
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertThat(errors(read("sum(rat(errors_total[{{.window}}]))"))).singleElement().asString()
                .contains("unknown function \"rat\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sum(rate(errors_total[{{.window}}] @ end()))",
        "label_replace(sum(rate(errors_total[{{.window}}])), \"x\", \"$1\", \"job\", \"(.*)\")",
        "1 - histogram_fraction(0, 0.3, sum(rate(latency_seconds[{{.window}}])))",
        "count_values(\"v\", sum_over_time(up[{{.window}}])) > 0",
        "sum(rate(errors_total[{{ .window }}]))"})
    void validPromQlTheOfflineEngineCannotEvaluateIsAccepted(String query) {
        assertThat(errors(read(query))).isEmpty();
    }

    @Test
    void spacedWindowTemplatesAreReadAsTheUsualOne() {
        SloFile file = read("sum(rate(errors_total[{{ .window }}]))");

        assertThat(file.slos()).singleElement().satisfies(slo -> assertThat(((Sli.Events) slo.sli()).errorQuery())
                .isEqualTo("sum(rate(errors_total[{{.window}}]))"));
    }

    @Test
    void theSameErrorAndTotalQueryIsRefusedAsSlothRefusesIt() {
        SloFile file = read("HighErrorRate", "sum(rate(requests_total[{{.window}}]))",
                "sum(rate(requests_total[{{.window}}]))");

        assertThat(errors(file)).singleElement().asString().contains("error and total queries are the same");
    }
}
