package io.relia.audit.prometheus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeIntervalTest {

    @Test
    void defaultsToOneMinuteWithoutAPrometheusConfig(@TempDir Path root) {
        assertThat(ScrapeInterval.of(root)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void readsTheGlobalScrapeIntervalOfPrometheusYml(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("monitoring"));
        Files.writeString(root.resolve("monitoring/prometheus.yml"), "global:\n  scrape_interval: 15s\n");
        assertThat(ScrapeInterval.of(root)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shorterScrapeIntervalLetsAOneMinuteRateThrough(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("prometheus.yml"), "global:\n  scrape_interval: 30s\n");
        Duration minimum = ScrapeInterval.of(root).multipliedBy(2);
        assertThat(PromQlScan.of("rate(x[1m])").rateRanges()).allSatisfy(call ->
                assertThat(call.range()).isGreaterThanOrEqualTo(minimum));
    }
}
