package io.relia.load.threshold;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.load.threshold.Threshold.Comparison;
import io.relia.load.threshold.Threshold.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThresholdsTest {

    private static final Location FLAG = new Location("--threshold", 0, 0);

    private static Threshold one(String text) {
        List<Threshold> thresholds = Thresholds.parse(text, FLAG);
        assertThat(thresholds).hasSize(1);
        return thresholds.getFirst();
    }

    private static List<String> problems(String text) {
        try {
            Thresholds.parse(text, FLAG);
        } catch (InputException invalid) {
            return invalid.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("expected " + text + " to be rejected");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            p99<300ms      | 99   | <  | 300
            p99.9<=1s      | 99.9 | <= | 1000
            p50<20ms       | 50   | <  | 20
            P95 < 1.5s     | 95   | <  | 1500
            p99<250us      | 99   | <  | 0.25
            p99<250µs      | 99   | <  | 0.25
            p100<2m        | 100  | <  | 120000
            p90 >= 0.5ms   | 90   | >= | 0.5
            """)
    void readsPercentileLatenciesInMilliseconds(String text, double percentile, String op, double millis) {
        Threshold threshold = one(text);

        assertThat(threshold.metric()).isEqualTo(new Metric.Percentile(percentile));
        assertThat(threshold.op().symbol()).isEqualTo(op);
        assertThat(threshold.limit()).isEqualTo(millis);
        assertThat(threshold.source()).isEqualTo(text.strip());
        assertThat(threshold.location()).isEqualTo(FLAG);
    }

    @Test
    void readsMeanAvgAndMaxAsLatencies() {
        assertThat(one("mean<100ms")).extracting(Threshold::metric, Threshold::limit)
                .containsExactly(new Metric.Mean(), 100.0);
        assertThat(one("avg<100ms").metric()).isEqualTo(new Metric.Mean());
        assertThat(one("max<2s")).extracting(Threshold::metric, Threshold::limit)
                .containsExactly(new Metric.Max(), 2000.0);
    }

    @Test
    void readsErrorsAsARatioWrittenAsAPercentageOrAFraction() {
        assertThat(one("errors<0.5%").limit()).isCloseTo(0.005, within(1e-15));
        assertThat(one("errors<0.005").limit()).isEqualTo(0.005);
        assertThat(one("errors<=0").limit()).isZero();
        assertThat(one("errors<0.5%").metric()).isEqualTo(new Metric.ErrorRatio());
    }

    @Test
    void readsRateInRequestsPerSecond() {
        Threshold rate = one("rate>=990");

        assertThat(rate.metric()).isEqualTo(new Metric.Rate());
        assertThat(rate.op()).isEqualTo(Comparison.GREATER_OR_EQUAL);
        assertThat(rate.limit()).isEqualTo(990);
        assertThat(one("rate > 1000/s").limit()).isEqualTo(1000);
    }

    @Test
    void readsACommaSeparatedListInOrder() {
        assertThat(Thresholds.parse(" p99<300ms , errors<0.5%,rate>=990 ", FLAG))
                .extracting(Threshold::source)
                .containsExactly("p99<300ms", "errors<0.5%", "rate>=990");
    }

    @Test
    void suggestsTheClosestMetricForAMisspeltOne() {
        assertThat(problems("p99<300ms, eror<1%")).containsExactly("--threshold: error: \"eror<1%\" names an unknown"
                + " metric \"eror\"; expected " + Thresholds.EXPECTED + " (hint: did you mean \"errors\"?)");
    }

    @Test
    void listsTheMetricsWhenNoneIsClose() {
        assertThat(problems("throughput>10")).singleElement().asString()
                .contains("unknown metric \"throughput\"")
                .contains("known metrics: p50, p90, p95, p99, p99.9, mean, avg, max, errors, rate");
    }

    @Test
    void reportsEveryBadPartOfAList() {
        assertThat(problems("p99<300, errors<150%, p99=1s")).containsExactlyInAnyOrder(
                "--threshold: error: \"p99<300\": \"300\" has no unit; expected a latency such as 300ms, 1.5s, "
                        + "250us or 2m (units us, µs, ms, s, m) (hint: write 300ms or 300s)",
                "--threshold: error: \"errors<150%\": \"150%\" is more than 100%; expected a percentage such as "
                        + "99.95% or a ratio between 0 and 1 such as 0.9995",
                "--threshold: error: \"p99=1s\" has no comparison; expected " + Thresholds.EXPECTED
                        + " (hint: write <= or >=, not =)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''             | the threshold is empty
            'p99<300ms,'   | a threshold in the list is empty
            p99<           | has no limit after <
            p99<3h         | has an unknown unit "h"
            p99<fast       | is not a latency
            p0<1s          | unknown metric "p0"
            p101<1s        | unknown metric "p101"
            errors<2       | is more than 1
            rate>=lots     | is not a rate
            """)
    void rejectsTextThatIsNotAThreshold(String text, String message) {
        assertThat(problems(text)).singleElement().asString().contains(message);
    }

    @Test
    void aFractionOverOneSuggestsAPercentage() {
        assertThat(problems("errors<2")).singleElement().asString().endsWith("(hint: write 2% if you mean a "
                + "percentage)");
    }

    /** Seeded random thresholds, written with random spacing and units, read back to the same metric and limit. */
    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x5eedL + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generatedThresholdsReadBackToWhatWasWritten(long seed) {
        Random random = new Random(seed);
        Comparison op = Comparison.values()[random.nextInt(4)];
        String space = List.of("", " ", "  ").get(random.nextInt(3));
        int amount = random.nextInt(100_000);
        String decimals = random.nextBoolean() ? "" : "." + random.nextInt(10);
        double value = Double.parseDouble(amount + decimals);
        Metric metric;
        String name;
        String limit;
        double expected;
        switch (random.nextInt(5)) {
            case 0 -> {
                double percentile = List.of(50.0, 90.0, 95.0, 99.0, 99.9, 99.99).get(random.nextInt(6));
                metric = new Metric.Percentile(percentile);
                name = "p" + (percentile == Math.rint(percentile) ? String.valueOf((int) percentile)
                        : String.valueOf(percentile));
                String unit = List.of("us", "µs", "ms", "s", "m").get(random.nextInt(5));
                limit = amount + decimals + unit;
                expected = value * switch (unit) {
                    case "us", "µs" -> 0.001;
                    case "ms" -> 1;
                    case "s" -> 1_000;
                    default -> 60_000;
                };
            }
            case 1 -> {
                metric = random.nextBoolean() ? new Metric.Mean() : new Metric.Max();
                name = metric instanceof Metric.Mean ? List.of("mean", "avg").get(random.nextInt(2)) : "max";
                limit = amount + decimals + "ms";
                expected = value;
            }
            case 2 -> {
                metric = new Metric.ErrorRatio();
                name = "errors";
                double percent = random.nextInt(10_001) / 100.0;
                limit = percent + "%";
                expected = percent / 100;
            }
            case 3 -> {
                metric = new Metric.ErrorRatio();
                name = "errors";
                double ratio = random.nextInt(1_001) / 1000.0;
                limit = String.valueOf(ratio);
                expected = ratio;
            }
            default -> {
                metric = new Metric.Rate();
                name = "rate";
                limit = amount + decimals;
                expected = value;
            }
        }
        String text = name + space + op.symbol() + space + limit;

        Threshold threshold = one(text);

        assertThat(threshold.metric()).as(text).isEqualTo(metric);
        assertThat(threshold.op()).as(text).isEqualTo(op);
        assertThat(threshold.limit()).as(text).isCloseTo(expected, within(Math.max(1e-9, expected * 1e-12)));
        assertThat(threshold.source()).isEqualTo(text);
    }
}
