package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResampleTest {

    private static final Instant MIDNIGHT = Instant.parse("2014-04-10T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** Samples every {@code every} from {@code first}, valued by their index. */
    private static List<Instant> times(Instant first, Duration every, int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(first.plus(every.multipliedBy(i)));
        }
        return times;
    }

    private static double[] indices(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = i;
        }
        return values;
    }

    @Test
    void averagesTheSamplesOfEachHalfOpenHour() {
        TimeSeries hourly = Resample.toGrid(times(MIDNIGHT, Duration.ofMinutes(30), 6), indices(6), HOUR);

        assertThat(hourly.values()).containsExactly(0.5, 2.5, 4.5);
        assertThat(hourly.start()).isEqualTo(MIDNIGHT);
        assertThat(hourly.step()).isEqualTo(HOUR);
    }

    @Test
    void alignsBinsToTheFirstTimestampFlooredToTheStep() {
        Instant first = Instant.parse("2014-04-10T00:04:00Z");
        TimeSeries hourly = Resample.toGrid(times(first, Duration.ofMinutes(5), 36), indices(36), HOUR);

        assertThat(hourly.start()).isEqualTo(MIDNIGHT);
        assertThat(hourly.value(0)).isEqualTo(5.5);   // 00:04..00:59 hold samples 0..11
    }

    @Test
    void dropsAFirstAndLastBinHoldingFewerThanHalfTheUsualSamples() {
        Instant first = Instant.parse("2014-04-10T00:50:00Z");   // 2 samples in the first hour, 12 in the others
        TimeSeries hourly = Resample.toGrid(times(first, Duration.ofMinutes(5), 2 + 24 + 3), indices(29), HOUR);

        assertThat(hourly.start()).isEqualTo(MIDNIGHT.plus(HOUR));
        assertThat(hourly.values()).containsExactly(7.5, 19.5);
    }

    @Test
    void keepsABinWithAtLeastHalfTheUsualSamples() {
        TimeSeries hourly = Resample.toGrid(times(MIDNIGHT, Duration.ofMinutes(5), 30), indices(30), HOUR);

        assertThat(hourly.values()).containsExactly(5.5, 17.5, 26.5);
    }

    @Test
    void forwardFillsEmptyBinsWithThePreviousMean() {
        List<Instant> times = List.of(MIDNIGHT, MIDNIGHT.plus(Duration.ofHours(3)));
        TimeSeries hourly = Resample.toGrid(times, new double[] {4, 9}, HOUR);

        assertThat(hourly.values()).containsExactly(4, 4, 4, 9);
    }

    @Test
    void ignoresNanValues() {
        TimeSeries hourly = Resample.toGrid(times(MIDNIGHT, Duration.ofMinutes(30), 4),
                new double[] {1, Double.NaN, 3, 5}, HOUR);

        assertThat(hourly.values()).containsExactly(1, 4);
    }

    @Test
    void resamplesToAnyStep() {
        TimeSeries daily = Resample.toGrid(times(MIDNIGHT.plus(Duration.ofHours(5)), HOUR, 48), indices(48),
                Duration.ofDays(1));
        TimeSeries fiveMinutes = Resample.toGrid(times(MIDNIGHT, Duration.ofMinutes(1), 10), indices(10),
                Duration.ofMinutes(5));

        assertThat(daily.start()).isEqualTo(MIDNIGHT);
        assertThat(daily.values()).containsExactly(9, 30.5);   // 19 samples, 24, then 5 dropped
        assertThat(fiveMinutes.values()).containsExactly(2, 7);
    }

    @Test
    void rejectsMismatchedLengthsAndAllNan() {
        assertThatThrownBy(() -> Resample.toGrid(List.of(MIDNIGHT), new double[2], HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> Resample.toGrid(List.of(MIDNIGHT), new double[] {Double.NaN}, HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no finite value");
    }
}
