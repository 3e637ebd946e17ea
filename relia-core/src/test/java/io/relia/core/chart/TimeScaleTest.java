package io.relia.core.chart;

import io.relia.core.report.ChartData.Scale;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimeScaleTest {

    private static double millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void sixHoursGetHourlyTicksLabelledInUtc() {
        TimeScale scale = TimeScale.of(Scale.TIME, millis("2026-11-02T08:00:00Z"), millis("2026-11-02T14:00:00Z"));

        assertThat(scale.ticks().stream().map(scale::label).toList())
                .containsExactly("08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00");
    }

    @Test
    void ticksFallOnRoundUtcTimesWhateverTheStart() {
        TimeScale scale = TimeScale.of(Scale.TIME, millis("2026-11-02T08:07:13Z"), millis("2026-11-02T08:52:00Z"));

        assertThat(scale.ticks().stream().map(scale::label).toList())
                .containsExactly("08:10", "08:20", "08:30", "08:40", "08:50");
    }

    @Test
    void theTitleNamesTheDayWhenTheLabelsShowOnlyTimes() {
        TimeScale scale = TimeScale.of(Scale.TIME, millis("2026-11-02T08:00:00Z"), millis("2026-11-02T14:00:00Z"));

        assertThat(scale.title("time (UTC)")).isEqualTo("time (UTC), 2026-11-02");
    }

    @Test
    void monthsAreLabelledWithDates() {
        TimeScale scale = TimeScale.of(Scale.TIME, millis("2026-10-24T00:00:00Z"), millis("2027-02-21T00:00:00Z"));

        assertThat(scale.ticks()).hasSizeLessThanOrEqualTo(TimeScale.MOST_TICKS);
        assertThat(scale.label(scale.ticks().getFirst())).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(scale.title("time (UTC)")).isEqualTo("time (UTC)");
    }

    @Test
    void twoDaysOfHoursShowTheDayInEachLabel() {
        TimeScale scale = TimeScale.of(Scale.TIME, millis("2026-11-02T08:00:00Z"), millis("2026-11-03T20:00:00Z"));

        assertThat(scale.label(millis("2026-11-03T06:00:00Z"))).isEqualTo("11-03 06:00");
    }

    @Test
    void elapsedSecondsAreLabelledWithTheirUnit() {
        TimeScale seconds = TimeScale.of(Scale.ELAPSED, 0, 28);
        TimeScale minutes = TimeScale.of(Scale.ELAPSED, 0, 600);

        assertThat(seconds.ticks().stream().map(seconds::label).toList())
                .containsExactly("0 s", "5 s", "10 s", "15 s", "20 s", "25 s");
        assertThat(minutes.label(120)).isEqualTo("2 min");
    }

    @Test
    void neverMoreThanEightTicks() {
        for (double span = 0.5; span < 1e7; span *= 1.7) {
            assertThat(TimeScale.of(Scale.ELAPSED, 0, span).ticks()).hasSizeLessThanOrEqualTo(TimeScale.MOST_TICKS);
            assertThat(TimeScale.of(Scale.TIME, 0, span * 1000).ticks()).hasSizeLessThanOrEqualTo(
                    TimeScale.MOST_TICKS);
        }
    }

    @Test
    void aSingleInstantGetsAMinuteOnEachSide() {
        double at = millis("2026-11-02T08:00:00Z");
        TimeScale scale = TimeScale.of(Scale.TIME, at, at);

        assertThat(scale.min()).isLessThan(at);
        assertThat(scale.max()).isGreaterThan(at);
    }
}
