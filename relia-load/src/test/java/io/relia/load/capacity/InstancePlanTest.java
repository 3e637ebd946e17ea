package io.relia.load.capacity;

import io.relia.core.InputException;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.load.capacity.forecast.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code relia capacity plan} reads what {@code relia capacity forecast --format json} writes. */
class InstancePlanTest {

    @TempDir
    Path directory;

    private Path forecastJson() throws IOException {
        return forecastJson(StubForecasts.linear(100, 0.5, 20));
    }

    private Path forecastJson(Forecasting forecasting) throws IOException {
        double[] values = new double[14 * 24];
        Arrays.fill(values, 100);
        TimeSeries history = new TimeSeries(Instant.parse("2026-11-01T00:00:00Z"), Duration.ofHours(1), values);
        CapacityConfig.Resource resource = new CapacityConfig.Resource("api", CapacityConfig.Kind.COMPUTE, "req/s",
                OptionalDouble.empty(), OptionalInt.of(2), OptionalDouble.of(200), Optional.empty(),
                new CapacityConfig.GivenSource("test"));
        CapacityConfig config = new CapacityConfig("shop", Duration.ofDays(10), 0.7, 0.95,
                CapacityConfig.Headroom.DEFAULT, OptionalDouble.empty(), List.of(resource), List.of());
        CapacityAnalysis analysis = new CapacityPlanner(forecasting).analyze(config, Map.of("api", history));
        return write(CapacityReport.of(analysis), ReportFormat.JSON, "forecast.json");
    }

    private Path write(Report report, ReportFormat format, String name) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(format, false).write(report, out);
        return Files.writeString(directory.resolve(name), out.toString());
    }

    @Test
    void instancesNowCarryHeadroomTimesTodaysPeakAndAtTheHorizonTheForecastsHighestUpperBound() throws IOException {
        Report plan = InstancePlan.plan(forecastJson(), 200, 3, 0.7);
        InstancePlan.Line line = ((List<?>) plan.data().get("resources")).stream()
                .map(InstancePlan.Line.class::cast).findFirst().orElseThrow();
        // now: ⌈100 × 3 / 140⌉ = 3; horizon: upper peaks at 100 + 0.5 × 239 + 20 = 239.5 → ⌈718.5 / 140⌉ = 6
        assertThat(line.peak()).isEqualTo(100);
        assertThat(line.peakUpper()).isEqualTo(239.5);
        assertThat(line.instancesNow()).isEqualTo(3);
        assertThat(line.instancesAtHorizon()).isEqualTo(6);
        assertThat(line.instances()).contains(2);
    }

    private static InstancePlan.Line line(Report plan) {
        return ((List<?>) plan.data().get("resources")).stream().map(InstancePlan.Line.class::cast).findFirst()
                .orElseThrow();
    }

    private static String text(Report report) throws IOException {
        StringWriter text = new StringWriter();
        ReportWriter.forFormat(ReportFormat.TEXT, false).write(report, text);
        return text.toString();
    }

    @Test
    void withSeasonalNaiveInTheReportThePlanAlsoSaysWhatSeasonalNaiveWouldNeedAtTheHorizon() throws IOException {
        Path forecast = forecastJson(StubForecasts.withNaive(StubForecasts.linear(100, 0.5, 20),
                StubForecasts.linear(100, 1, 20)));
        Report plan = InstancePlan.plan(forecast, 200, 3, 0.7);
        // seasonal naive's upper bound peaks at 100 + 239 + 20 = 359 → ⌈1077 / 140⌉ = 8, the chosen one's needs 6
        assertThat(line(plan).instancesAtHorizon()).isEqualTo(6);
        assertThat(line(plan).baseline()).contains(new InstancePlan.Baseline("stub-naive", 359, 8));
        assertThat(text(plan)).contains("Seasonal naive: the instances plain seasonal naive's highest upper bound "
                + "(stub-naive) would need", "Needed at horizon  Seasonal naive", "8 (359 req/s)");
    }

    @Test
    void aReportWrittenBeforeItCarriedSeasonalNaiveIsPlannedWithoutTheComparison() throws IOException {
        Path forecast = forecastJson();
        String json = Files.readString(forecast);
        String old = json.replaceAll(",\\s*\"baseline\"\\s*:\\s*\\{[^}]*}", "");
        assertThat(old).isNotEqualTo(json).doesNotContain("\"baseline\"");
        Files.writeString(forecast, old);

        Report plan = InstancePlan.plan(forecast, 200, 3, 0.7);
        assertThat(line(plan).instancesAtHorizon()).isEqualTo(6);
        assertThat(line(plan).baseline()).isEmpty();
        assertThat(text(plan)).doesNotContain("seasonal naive");
    }

    @Test
    void thePerInstanceCapacityIsPrintedInTheResourcesUnit() throws IOException {
        Report plan = InstancePlan.plan(forecastJson(), 200, 3, 0.7);
        StringWriter text = new StringWriter();
        ReportWriter.forFormat(ReportFormat.TEXT, false).write(plan, text);

        assertThat(text.toString()).contains("Instances of 200 req/s each at 70% utilisation");
    }

    @Test
    void aFileThatIsNotAForecastReportIsALocatedError() throws IOException {
        Path other = Files.writeString(directory.resolve("other.json"), "{\"kind\": \"review\"}");
        assertThatThrownBy(() -> InstancePlan.plan(other, 200, 3, 0.7)).isInstanceOfSatisfying(InputException.class,
                error -> assertThat(error.problems().getFirst().format()).startsWith(other + ":1:1: error: not a "
                        + "capacity forecast report"));
    }

    @Test
    void findMaxKneeRateIsThePerInstanceCapacity() throws IOException {
        Path result = Files.writeString(directory.resolve("find-max.json"), "{\"knee\": {\"rate\": 1234.5, "
                + "\"p99Ms\": 180}, \"slo\": \"p99 < 250ms\"}");
        assertThat(FindMaxResult.kneeRate(result)).isEqualTo(1234.5);
        Path noRate = Files.writeString(directory.resolve("no-rate.json"), "{\"knee\": {\"p99Ms\": 180}}");
        assertThatThrownBy(() -> FindMaxResult.kneeRate(noRate)).isInstanceOfSatisfying(InputException.class,
                error -> assertThat(error.problems().getFirst().format()).contains("no-rate.json:1:10: error: no "
                        + "knee.rate in the find-max result"));
    }
}
