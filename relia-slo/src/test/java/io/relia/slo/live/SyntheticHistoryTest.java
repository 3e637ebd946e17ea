package io.relia.slo.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticHistoryTest {

    private static final SyntheticHistory STANDARD = SyntheticHistory.standard();
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void standardHistorySpansThirtyDaysOfMinuteSamples() {
        assertThat(STANDARD.start()).isEqualTo(START);
        assertThat(STANDARD.end()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
        assertThat(STANDARD.samples()).isEqualTo(43_201);
        assertThat(STANDARD.incidents()).extracting(SyntheticHistory.Incident::name)
                .containsExactly("fast-burn", "partial-outage", "slow-burn");
        assertThat(STANDARD.counterResets()).containsExactly(Duration.ofDays(12).plusHours(6));
    }

    @Test
    void baselineIsThreeErrorsInSixThousandRequestsPerMinute() {
        Instant from = Instant.parse("2026-10-02T00:00:00Z");
        assertThat(STANDARD.errorsBetween(from, from.plus(Duration.ofHours(1)))).isEqualTo(60 * 3);
        assertThat(STANDARD.requestsBetween(from, from.plus(Duration.ofDays(1)))).isEqualTo(1440 * 6000);
    }

    @Test
    void fastBurnIsThirtyMinutesAtTwentyPercent() {
        Instant begin = Instant.parse("2026-10-09T12:00:00Z");
        Instant end = begin.plus(Duration.ofMinutes(30));
        assertThat(STANDARD.errorsBetween(begin, end)).isEqualTo(30 * 1200);
        assertThat(STANDARD.errorsBetween(end.minus(Duration.ofHours(1)), end)).isEqualTo(30 * 1200 + 30 * 3);
        assertThat(STANDARD.errorsBetween(begin.minus(Duration.ofMinutes(1)), begin)).isEqualTo(3);
        assertThat(STANDARD.errorsBetween(end, end.plus(Duration.ofMinutes(1)))).isEqualTo(3);
    }

    @Test
    void partialOutageAndSlowBurnHaveTheirRatios() {
        Instant outage = Instant.parse("2026-10-17T03:00:00Z");
        assertThat(STANDARD.errorsBetween(outage, outage.plus(Duration.ofHours(4)))).isEqualTo(240 * 300);
        Instant slow = Instant.parse("2026-10-23T00:00:00Z");
        assertThat(STANDARD.errorsBetween(slow, slow.plus(Duration.ofDays(3)))).isEqualTo(3 * 1440 * 6);
    }

    @Test
    void countersRestartAtTheResetWithThatMinutesIncrementOnly() {
        Instant reset = Instant.parse("2026-10-13T06:00:00Z");
        assertThat(STANDARD.requestsCounterAt(reset)).isEqualTo(6000);
        assertThat(STANDARD.errorsCounterAt(reset)).isEqualTo(3);
        Instant before = reset.minus(Duration.ofMinutes(1));
        assertThat(STANDARD.requestsCounterAt(before)).isEqualTo(STANDARD.requestsBetween(START.minusSeconds(60),
                before));
        assertThat(STANDARD.requestsBetween(before, reset)).isEqualTo(6000);
    }

    @Test
    void counterBetweenSamplesIsTheEarlierSample() {
        Instant at = START.plus(Duration.ofMinutes(10));
        assertThat(STANDARD.requestsCounterAt(at.plusSeconds(59))).isEqualTo(STANDARD.requestsCounterAt(at))
                .isEqualTo(11 * 6000);
    }

    @Test
    void openMetricsGroupsSeriesInTimeOrderAndEndsWithEof() {
        List<String> lines = STANDARD.openMetrics().lines().toList();
        assertThat(lines).hasSize(2 + 2 * 43_201 + 1);
        assertThat(lines.get(0)).startsWith("# HELP http_requests ");
        assertThat(lines.get(1)).isEqualTo("# TYPE http_requests counter");
        assertThat(lines.get(2)).isEqualTo("http_requests_total{service=\"shop\",status=\"200\"} 5997 1790812800");
        assertThat(lines.get(2 + 43_201))
                .isEqualTo("http_requests_total{service=\"shop\",status=\"500\"} 3 1790812800");
        assertThat(lines.getLast()).isEqualTo("# EOF");
    }

    @Test
    void csvHoldsSummedCountersWithTheirResets(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("history.csv");
        STANDARD.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, 3)).containsExactly("timestamp,good,total", "1790812800,5997,6000",
                "1790812860,11994,12000");
        long reset = Instant.parse("2026-10-13T06:00:00Z").getEpochSecond();
        assertThat(lines).contains(reset + ",5997,6000");
        assertThat(lines).hasSize(1 + 43_201);
    }

    @Test
    void severalServicesShiftTheirIncidentsByAnHourEach(@TempDir Path dir) throws IOException {
        List<SyntheticHistory> histories = HistoryFiles.histories(30, 3);
        assertThat(histories).extracting(SyntheticHistory::service).containsExactly("shop-0", "shop-1", "shop-2");
        assertThat(histories.get(2).incidents().getFirst().offsetFromStart())
                .isEqualTo(Duration.ofDays(8).plusHours(14));
        Path file = dir.resolve("three.om");
        HistoryFiles.writeOpenMetrics(histories, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2 + 3 * 2 * 43_201 + 1);
        assertThat(lines.stream().filter(line -> line.startsWith("# TYPE"))).hasSize(1);
    }

    @Test
    void shiftedHistoryDropsIncidentsPastItsEnd() {
        SyntheticHistory shifted = STANDARD.shifted("late", Duration.ofDays(10));
        assertThat(shifted.incidents()).extracting(SyntheticHistory.Incident::name)
                .containsExactly("fast-burn", "partial-outage");
    }

    @Test
    void rejectsAnErrorRatioAboveOne() {
        assertThatThrownBy(() -> SyntheticHistory.builder().incident("x", Duration.ZERO, Duration.ofHours(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
    }
}
