package io.relia.core.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "5m, 300000", "1h30m, 5400000", "28d, 2419200000", "500ms, 500", "1w, 604800000", "1y, 31536000000",
        "0, 0", "0s, 0", "2h0m5s, 7205000", "30 minutes, 1800000", "1 hour, 3600000", "2 days, 172800000",
        "90 secs, 90000", "PT30M, 1800000", "1.5 hours, 5400000"
    })
    void parsesWhatUsersWrite(String text, long millis) {
        assertThat(Durations.parse(text).orThrow()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"28d, 28d", "90m, 1h30m", "1w, 7d", "5400s, 1h30m", "1500ms, 1s500ms", "0, 0s"})
    void formatsCanonically(String text, String canonical) {
        assertThat(Durations.format(Durations.parse(text).orThrow())).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"28d, 4w", "30d, 30d", "7d, 1w", "365d, 1y", "90d, 90d", "1h30m, 1h30m", "5m, 5m", "0, 0s", "14d, 2w"})
    void formatsLikePrometheus(String text, String prometheus) {
        assertThat(Durations.formatPrometheus(Durations.parse(text).orThrow())).isEqualTo(prometheus);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|\"abc\" is not a duration", "5|add a unit", "1.5h|whole numbers per unit", "30m1h|out of order",
        "-5m|negative", "''|empty", "5mm|not a duration", "999999999999999999999d|too long"
    })
    void refusesGarbageWithAnExplanation(String text, String explanation) {
        Parsed<Duration> parsed = Durations.parse(text);
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        Parsed.Invalid<Duration> invalid = (Parsed.Invalid<Duration>) parsed;
        assertThat(invalid.message() + " " + invalid.hint()).contains(explanation);
        assertThat(invalid.expected()).contains("duration");
    }

    static Stream<Long> randomMillis() {
        Random random = new Random(20261123L);
        return IntStream.range(0, 500).mapToObj(i -> switch (i % 3) {
            case 0 -> (long) random.nextInt(1000);
            case 1 -> random.nextLong(0, 400L * 86_400_000L);
            default -> random.nextLong(0, Long.MAX_VALUE / 2);
        });
    }

    @ParameterizedTest
    @MethodSource("randomMillis")
    void formatThenParseIsTheIdentity(long millis) {
        Duration duration = Duration.ofMillis(millis);
        assertThat(Durations.parse(Durations.format(duration)).orThrow()).isEqualTo(duration);
    }

    static Stream<String> randomGarbage() {
        return RandomText.strings(7L, "0123456789smhdwy .-+PTµ%\t\nabc", 500, 12);
    }

    @ParameterizedTest
    @MethodSource("randomGarbage")
    void neverThrowsAndExplainsEveryRefusal(String text) {
        Parsed<Duration> parsed = Durations.parse(text);
        if (parsed instanceof Parsed.Invalid<Duration> invalid) {
            assertThat(invalid.message()).isNotBlank();
            assertThat(invalid.expected()).isNotBlank();
        } else {
            assertThat(parsed.orThrow().isNegative()).isFalse();
        }
    }

    @Test
    void minutesOfAnErrorBudget() {
        assertThat(Durations.minutes(Duration.ofDays(30)) * 0.0005).isCloseTo(21.6, org.assertj.core.data.Offset.offset(1e-9));
    }
}
