package io.relia.slo.openslo;

import io.relia.core.Problems;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code openslo/v1alpha}, the version Sloth reads: one SLO per objective, named as Sloth names them. */
class OpenSloV1alphaTest {

    private static final String SLO = """
            apiVersion: openslo/v1alpha
            kind: SLO
            metadata:
              name: web
            spec:
              service: shop
              budgetingMethod: Occurrences
              timeWindows:
                - unit: Week
                  count: 4
                  isRolling: true
              objectives:
                - target: 0.999
                  ratioMetrics:
                    incremental: true
                    good:
                      source: prometheus
                      queryType: promql
                      query: http_requests_total{code!~"5.."}
                    total:
                      source: prometheus
                      queryType: promql
                      query: http_requests_total
                - target: 0.99
                  ratioMetrics:
                    good:
                      source: prometheus
                      queryType: promql
                      query: sum(rate(fast_requests_total[{{.window}}]))
                    total:
                      source: prometheus
                      queryType: promql
                      query: sum(rate(requests_total[{{.window}}]))
            """;

    private final OpenSloText text = new OpenSloText();
    private final Problems problems = text.problems;

    private List<Slo> read(String yaml) {
        return text.read(yaml);
    }

    private List<String> errors() {
        return text.errors();
    }

    @Test
    void eachObjectiveBecomesAnSloNamedWithItsIndex() {
        List<Slo> slos = read(SLO);

        assertThat(problems.sorted()).isEmpty();
        assertThat(slos).extracting(Slo::id).containsExactly("shop-web-0", "shop-web-1");
        assertThat(slos).extracting(Slo::objective).containsExactly(99.9, 99.0);
        assertThat(slos).extracting(Slo::period).containsOnly(Optional.of(Duration.ofDays(28)));
        assertThat(slos).extracting(Slo::spec).containsOnly("openslo/v1alpha");
    }

    @Test
    void incrementalSelectorsAreRatedOverTheWindow() {
        assertThat(read(SLO).getFirst().sli()).isEqualTo(new Sli.Events(
                "(sum(rate(http_requests_total[{{.window}}]))) - (sum(rate(http_requests_total{code!~\"5..\"}"
                        + "[{{.window}}])))", "sum(rate(http_requests_total[{{.window}}]))"));
    }

    @Test
    void refusesOtherSourcesOncePerObjective() {
        assertThat(read(SLO.replace("source: prometheus", "source: datadog"))).isEmpty();

        assertThat(errors()).containsExactly(
                "slo.yaml:17:19: error: datadog metric sources are not supported; expected source: prometheus (hint: "
                        + "Relia generates Prometheus rules)",
                "slo.yaml:27:19: error: datadog metric sources are not supported; expected source: prometheus (hint: "
                        + "Relia generates Prometheus rules)");
    }

    @Test
    void refusesMonthWindowsAsCalendarWindows() {
        assertThat(read(SLO.replace("unit: Week", "unit: Month"))).isEmpty();

        assertThat(errors()).containsExactly("slo.yaml:9:13: error: Month windows are calendar windows; expected "
                + "Second, Minute, Hour, Day or Week (hint: for a rolling window write unit: Day with a count such "
                + "as 28 or 30)");
    }

    @Test
    void refusesAWindowCountBeyondAMillion() {
        assertThat(read(SLO.replace("count: 4", "count: 1e30"))).isEmpty();

        assertThat(errors()).containsExactly("slo.yaml:10:14: error: count 1000000000000000000000000000000 is not a "
                + "whole number from 1 to 1000000; expected a whole number of units, such as 28");
    }

    @Test
    void refusesThresholdSlosOnceAtTheIndicator() {
        String threshold = SLO.replace("  budgetingMethod:", "  indicator:\n    thresholdMetric:\n"
                + "      source: prometheus\n      queryType: promql\n      query: latency\n  budgetingMethod:");

        assertThat(read(threshold)).isEmpty();
        assertThat(errors()).containsExactly("slo.yaml:8:5: error: threshold SLOs (indicator.thresholdMetric) are "
                + "not supported; expected objectives[].ratioMetrics");
    }

    @Test
    void refusesAQueryTypeOtherThanPromql() {
        assertThat(read(SLO.replaceFirst("queryType: promql", "queryType: query"))).isEmpty();

        assertThat(errors()).containsExactly("slo.yaml:18:22: error: queryType \"query\" is not supported for "
                + "Prometheus; expected queryType: promql");
    }
}
