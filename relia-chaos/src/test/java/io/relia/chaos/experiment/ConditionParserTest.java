package io.relia.chaos.experiment;

import io.relia.core.value.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionParserTest {

    @Test
    void readsAMetricWrittenWithSpacesAsItsUnderscoredName() {
        Condition condition = ConditionParser.parse("p99 latency < 500ms").orThrow();

        assertThat(condition).isEqualTo(new Condition("p99_latency", Condition.Operator.LT, new BigDecimal("500"),
                Condition.Unit.MILLISECONDS));
    }

    @Test
    void comparesPercentagesAsRatiosAndSecondsAsMilliseconds() {
        assertThat(ConditionParser.parse("error_rate < 1%").orThrow().holds(0.009)).isTrue();
        assertThat(ConditionParser.parse("error_rate < 1%").orThrow().holds(0.01)).isFalse();
        assertThat(ConditionParser.parse("p99_latency <= 1.5s").orThrow().holds(1500)).isTrue();
        assertThat(ConditionParser.parse("p99_latency <= 1.5s").orThrow().holds(1501)).isFalse();
    }

    @Test
    void readsBooleanConditionsForFlagsSuchAsAnOpenCircuitBreaker() {
        Condition open = ConditionParser.parse("circuit_breaker_open == true").orThrow();

        assertThat(open.holds(1)).isTrue();
        assertThat(open.holds(0)).isFalse();
        assertThat(ConditionParser.parse("circuit_breaker_open > true").isOk()).isFalse();
    }

    @Test
    void aThresholdWithoutMetricTakesTheVerificationsMetric() {
        assertThat(ConditionParser.parseThreshold("error_rate", "< 1%").orThrow().format())
                .isEqualTo("error_rate < 1%");
        assertThat(ConditionParser.parseThreshold("circuit_breaker_open", "true").orThrow().format())
                .isEqualTo("circuit_breaker_open == true");
    }

    @Test
    void splitsASteadyStateSentenceIntoItsConditions() {
        assertThat(ConditionParser.parseAll("checkout p99 latency < 500ms, error rate < 0.1%"))
                .extracting(parsed -> parsed.orThrow().format())
                .containsExactly("checkout_p99_latency < 500ms", "error_rate < 0.1%");
    }

    @Test
    void aMeasurementThatIsNotANumberNeverSatisfiesACondition() {
        assertThat(ConditionParser.parse("p99_latency < 500ms").orThrow().holds(Double.NaN)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "p99_latency", "< 5ms", "p99_latency < fast", "p99_latency < 5 minutes",
            "p99_latency ~ 5ms", "error rate < 5%%"})
    void refusesTextThatIsNotACondition(String text) {
        Parsed<Condition> parsed = ConditionParser.parse(text);

        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        assertThat(((Parsed.Invalid<Condition>) parsed).expected()).isNotEmpty();
    }

    static Stream<Condition> randomConditions() {
        Random random = new Random(20261123L);
        String[] metrics = {"p50_latency", "p99_latency", "error_rate", "throughput", "circuit_breaker_open",
                "queue.depth"};
        Condition.Unit[] units = {Condition.Unit.MILLISECONDS, Condition.Unit.SECONDS, Condition.Unit.PERCENT,
                Condition.Unit.PLAIN};
        return IntStream.range(0, 200).mapToObj(i -> {
            Condition.Operator operator = Condition.Operator.values()[random.nextInt(6)];
            if (random.nextInt(8) == 0) {
                return new Condition(metrics[4], random.nextBoolean() ? Condition.Operator.EQ
                        : Condition.Operator.NE, random.nextBoolean() ? BigDecimal.ONE : BigDecimal.ZERO,
                        Condition.Unit.BOOLEAN);
            }
            BigDecimal value = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(4));
            return new Condition(metrics[random.nextInt(metrics.length)], operator, value,
                    units[random.nextInt(units.length)]);
        });
    }

    @ParameterizedTest
    @MethodSource("randomConditions")
    void everyConditionReadsBackFromItsFormattedText(Condition condition) {
        Condition read = ConditionParser.parse(condition.format()).orThrow();

        assertThat(read.metric()).isEqualTo(condition.metric());
        assertThat(read.operator()).isEqualTo(condition.operator());
        assertThat(read.unit()).isEqualTo(condition.unit());
        assertThat(read.value()).isEqualByComparingTo(condition.value());
    }

    @ParameterizedTest
    @MethodSource("randomConditions")
    void aConditionAndItsOppositeNeverBothHold(Condition condition) {
        Condition.Operator opposite = switch (condition.operator()) {
            case LT -> Condition.Operator.GE;
            case LE -> Condition.Operator.GT;
            case GT -> Condition.Operator.LE;
            case GE -> Condition.Operator.LT;
            case EQ -> Condition.Operator.NE;
            case NE -> Condition.Operator.EQ;
        };
        Condition negated = new Condition(condition.metric(), opposite, condition.value(), condition.unit());
        double measured = condition.threshold() + (condition.metric().hashCode() % 3 - 1);

        assertThat(condition.holds(measured)).isNotEqualTo(negated.holds(measured));
    }
}
