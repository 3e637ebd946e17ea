package io.relia.slo;

import io.relia.slo.rules.AlertWindows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErrorBudgetTest {

    @ParameterizedTest
    @CsvSource({"99.95, 30, 21.6", "99.9, 30, 43.2", "99, 28, 403.2", "99.5, 30, 216", "95, 7, 504", "99.99, 30, 4.32"})
    void budgetMinutesAreExact(String objective, long days, String minutes) {
        ErrorBudget budget = new ErrorBudget(new BigDecimal(objective), Duration.ofDays(days));
        assertThat(budget.minutes()).isEqualByComparingTo(minutes);
    }

    @ParameterizedTest
    @CsvSource({"99.9, 1000", "99.95, 2000", "99, 100", "95, 20"})
    void oneFailureInSoManyEvents(String objective, long events) {
        assertThat(new ErrorBudget(new BigDecimal(objective), Duration.ofDays(30)).oneFailureIn()).isEqualTo(events);
    }

    private static Slo slo(double objective, Duration period) {
        return new Slo("svc", "slo", "", objective, Optional.of(period), new Sli.Raw("x[{{.window}}]"), Map.of(),
                new Alerting("A", Map.of(), Map.of(), AlertTier.DEFAULT, AlertTier.DEFAULT), List.of(), "test",
                new io.relia.core.Location("t", 1, 1));
    }

    /** Seeded random objectives (90..99.999%) and periods (1..90 days). */
    static Stream<Object[]> randomSlos() {
        Random random = new Random(424242L);
        return IntStream.range(0, 200).mapToObj(i -> new Object[] {
            90 + random.nextInt(9_999) / 1000.0, Duration.ofDays(1 + random.nextInt(90))});
    }

    @ParameterizedTest
    @MethodSource("randomSlos")
    void burnRateTimesWindowSpendsTheStatedShareOfTheBudget(double objective, Duration period) {
        // SRE Workbook: an alert with factor f over window w fires after spending f × w / period of the budget;
        // Sloth's factors are derived so that this share is 2%, 5%, 10% and 10%.
        List<AlertPlan.Row> rows = AlertPlan.of(slo(objective, period), Duration.ofDays(30), AlertWindows.GOOGLE);
        assertThat(rows).extracting(AlertPlan.Row::budgetShare)
                .satisfiesExactly(share -> assertThat(share).isCloseTo(0.02, within(1e-9)),
                        share -> assertThat(share).isCloseTo(0.05, within(1e-9)),
                        share -> assertThat(share).isCloseTo(0.10, within(1e-9)),
                        share -> assertThat(share).isCloseTo(0.10, within(1e-9)));
        for (AlertPlan.Row row : rows) {
            // The budget lasts period / factor at that burn rate.
            assertThat(row.timeToExhaustion().toMillis() * row.factor())
                    .isCloseTo(period.toMillis(), within(1.0 * row.factor() + 1));
            // In a full outage the long window's ratio t / w passes factor × budget at t = w × factor × budget.
            double budget = (100 - objective) / 100;
            if (row.factor() * budget < 1) {
                assertThat(row.outageDetection().orElseThrow().toMillis())
                        .isCloseTo(Math.round(row.longWindow().toMillis() * row.factor() * budget), within(1L));
            } else {
                assertThat(row.outageDetection()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("randomSlos")
    void theBudgetIsTheComplementOfTheObjective(double objective, Duration period) {
        ErrorBudget budget = ErrorBudget.of(slo(objective, period), Duration.ofDays(30));
        assertThat(budget.ratio().add(budget.objectivePercent().movePointLeft(2))).isEqualByComparingTo("1");
        assertThat(budget.minutes().doubleValue())
                .isCloseTo(budget.ratio().doubleValue() * period.toMinutes(), within(1e-6));
    }
}
