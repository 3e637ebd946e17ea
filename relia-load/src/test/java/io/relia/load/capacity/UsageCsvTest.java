package io.relia.load.capacity;

import io.relia.core.InputException;
import io.relia.core.Problems;
import io.relia.load.capacity.forecast.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageCsvTest {

    @TempDir
    Path directory;

    private Path csv(String content) throws IOException {
        return Files.writeString(directory.resolve("usage.csv"), content);
    }

    @Test
    void readsIsoSpacedUtcAndEpochSecondTimestamps() throws IOException {
        TimeSeries series = UsageCsv.read(csv("timestamp,value\n2026-11-01T00:00:00Z,1\n2026-11-01 01:00:00,2\n"
                + "1793498400,3\n"));
        assertThat(series.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(series.step()).isEqualTo(Duration.ofHours(1));
        assertThat(series.values()).containsExactly(1, 2, 3);
    }

    @Test
    void reportsEveryBadRowAtItsLineAndColumn() throws IOException {
        Path file = csv("timestamp,value\n2026-11-01T00:00:00Z,1\nyesterday,2\n2026-11-01T02:00:00Z,many\n");
        assertThatThrownBy(() -> UsageCsv.read(file)).isInstanceOfSatisfying(InputException.class, error ->
                assertThat(error.problems()).extracting(Object::toString).containsExactly(
                        file + ":3:1: error: \"yesterday\" is not a time; expected " + CapacityValues.TIME_EXPECTED,
                        file + ":4:22: error: \"many\" is not a number; expected a usage value such as 1234.5"));
    }

    @Test
    void aWrongHeaderIsAnErrorOnLineOne() throws IOException {
        Problems problems = new Problems();
        assertThat(UsageCsv.read(csv("time,rps\n1,2\n"), problems)).isEmpty();
        assertThat(problems.sorted().getFirst().format()).contains("usage.csv:1:1: error: the header is not "
                + "timestamp,value");
    }

    @Test
    void minuteDataOverThreeWeeksIsResampledHourlyToTheMeanOfEachHour() throws IOException {
        StringBuilder content = new StringBuilder("timestamp,value\n");
        long start = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int minute = 0; minute < 21 * 24 * 60; minute++) {
            content.append(start + minute * 60L).append(',').append(minute % 60).append('\n');
        }
        TimeSeries series = UsageCsv.read(csv(content.toString()));
        assertThat(series.step()).isEqualTo(Duration.ofHours(1));
        assertThat(series.size()).isEqualTo(21 * 24);
        assertThat(series.value(0)).isEqualTo(29.5);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shortIrregularDataKeepsItsMedianInterval(long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder content = new StringBuilder("timestamp,value\n");
        long t = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 500; i++) {
            content.append(t).append(',').append(random.nextInt(100)).append('\n');
            t += random.nextInt(10) < 8 ? 60 : 60 + random.nextInt(600);
        }
        TimeSeries series = UsageCsv.read(csv(content.toString()));
        assertThat(series.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(series.values()).doesNotContain(Double.NaN);
    }
}
