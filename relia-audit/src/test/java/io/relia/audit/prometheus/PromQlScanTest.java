package io.relia.audit.prometheus;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PromQlScanTest {

    @Test
    void findsTheRangeOfEachRateCall() {
        assertThat(PromQlScan.of("sum(rate(a[1m])) / sum(increase(b{x=\"y\"}[5m]))").rateRanges())
                .extracting(PromQlScan.RangeCall::function, PromQlScan.RangeCall::range)
                .containsExactly(tuple("rate", Duration.ofMinutes(1)),
                        tuple("increase", Duration.ofMinutes(5)));
    }

    @Test
    void ignoresFunctionNamesAndRangesInsideStrings() {
        assertThat(PromQlScan.of("sum(x{route=\"rate(y[1m])\"})").rateRanges()).isEmpty();
    }

    @Test
    void readsMetricNamesButNotLabelsFunctionsOrGroupingLabels() {
        assertThat(PromQlScan.of("sum by (pod) (rate(container_cpu_usage_seconds_total{container=\"a\"}[5m])) "
                + "/ on (pod) group_left kube_pod_container_resource_limits > 0.9").metrics())
                .containsExactly("container_cpu_usage_seconds_total", "kube_pod_container_resource_limits");
    }

    @Test
    void recognisesMultiWindowBurnRateConditions() {
        assertThat(PromQlScan.of("(slo:sli_error:ratio_rate5m > 0.0144) and (slo:sli_error:ratio_rate1h > 0.0144)")
                .multiWindow()).isTrue();
        assertThat(PromQlScan.of("rate(a[5m]) > 1 and rate(b[5m]) > 2").multiWindow()).isFalse();
        assertThat(PromQlScan.of("rate(a[5m]) > 1").multiWindow()).isFalse();
    }
}
