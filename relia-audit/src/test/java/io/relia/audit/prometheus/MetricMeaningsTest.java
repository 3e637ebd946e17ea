package io.relia.audit.prometheus;

import io.relia.audit.prometheus.MetricMeanings.Meaning;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricMeaningsTest {

    @Test
    void metricsOfOneFamilyPrefixMeanDifferentThings() {
        assertThat(MetricMeanings.of("node_filesystem_device_error")).contains(Meaning.FAILURE);
        assertThat(MetricMeanings.of("node_filesystem_avail_bytes")).contains(Meaning.HEADROOM);
        assertThat(MetricMeanings.of("node_filesystem_size_bytes")).contains(Meaning.CONTEXT);
        assertThat(MetricMeanings.of("node_network_receive_errs_total")).contains(Meaning.FAILURE);
        assertThat(MetricMeanings.of("node_network_receive_bytes_total")).contains(Meaning.SATURATION);
        assertThat(MetricMeanings.of("kubelet_certificate_manager_client_ttl_seconds")).contains(Meaning.DEADLINE);
        assertThat(MetricMeanings.of("jvm_threads_deadlocked")).contains(Meaning.FAILURE);
        assertThat(MetricMeanings.of("jvm_threads_live_threads")).contains(Meaning.SATURATION);
        assertThat(MetricMeanings.of("http_requests_total")).isEmpty();
    }

    @Test
    void cpuMemoryLoadGcAndThreadsAreCauses() {
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("rate(node_cpu_seconds_total{mode!=\"idle\"}[5m]) > 0.9")))
                .isTrue();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("node_load5 > 8"))).isTrue();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("rate(jvm_gc_pause_seconds_sum[5m]) > 0.2"))).isTrue();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("jvm_threads_live_threads > 500"))).isTrue();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of(
                "container_memory_working_set_bytes / container_spec_memory_limit_bytes > 0.9"))).isTrue();
    }

    @Test
    void failuresDeadlinesHeadroomAndUnknownMetricsAreNotCauses() {
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("node_filesystem_device_error == 1"))).isFalse();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of(
                "predict_linear(node_filesystem_avail_bytes[6h], 4 * 3600) < 0"))).isFalse();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("probe_ssl_earliest_cert_expiry - time() < 86400")))
                .isFalse();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of(
                "rate(container_cpu_usage_seconds_total[5m]) > 0.9 and rate(http_errors_total[5m]) > 1"))).isFalse();
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("rate(checkout_latency_seconds_sum[5m]) > 1"))).isFalse();
    }

    @Test
    void contextMetricsAloneDecideNothing() {
        assertThat(MetricMeanings.causeOnly(PromQlScan.of("node_filesystem_readonly == 1"))).isFalse();
    }
}
