package io.relia.load.capacity.review;

import io.relia.core.Finding;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import io.relia.load.capacity.Forecasting;
import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityReviewAnalyzerTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path service;

    /** A forecast whose upper bound is {@code upper} throughout. */
    private static Forecasting flat(double upper) {
        return (history, steps, level) -> new Forecast("flat", new TimeSeries(history.end(), history.step(),
                new double[steps]), new double[steps], filled(steps, upper), level,
                List.of(new Forecast.ModelScore("flat", 0.8, 5, true)));
    }

    private static double[] filled(int size, double value) {
        double[] out = new double[size];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private ReviewResult review(String plan, Forecasting forecasting) throws IOException {
        Files.createDirectories(service.resolve("reliability"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int hour = 0; hour < 14 * 24; hour++) {
            csv.append(start.plusSeconds(3600L * hour)).append(",10\n");
        }
        Files.writeString(service.resolve("reliability/usage.csv"), csv);
        Files.writeString(service.resolve("reliability/capacity.yaml"), plan);
        return new Review(List.of(new CapacityReviewAnalyzer(forecasting)), TODAY).run(service);
    }

    private static ChecklistEntry planning(ReviewResult result) {
        return result.checklist().stream().filter(entry -> entry.item() == ChecklistItem.CAPACITY_PLANNING)
                .findFirst().orElseThrow();
    }

    @Test
    void passesWhenRunwayAndHeadroomLastTheHorizon() throws IOException {
        ReviewResult result = review("resources: [{name: api, data: usage.csv, instances: 1, per_instance: 100}]\n",
                flat(50));
        assertThat(planning(result).status()).isEqualTo(CheckStatus.PASS);
        assertThat(planning(result).evidence()).anySatisfy(line -> assertThat(line).startsWith("api: runway beyond "
                + "90d, model flat"));
    }

    @Test
    void aShortRunwayFailsWithAFindingAtTheResource() throws IOException {
        ReviewResult result = review("service: shop\nresources:\n  - {name: api, data: usage.csv, instances: 1, "
                + "per_instance: 100}\n", flat(80));
        assertThat(planning(result).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(planning(result).findings()).extracting(Finding::ruleId).containsExactly("capacity/runway-short");
        assertThat(planning(result).findings().getFirst().location().line()).isEqualTo(3);
        assertThat(planning(result).findings().getFirst().fix()).startsWith("add 1 instance (1 → 2) before 2026-11-15");
    }

    @Test
    void theEvidenceSaysWhatSeasonalNaiveWouldHavePlannedInstead() throws IOException {
        // flat(80) runs out of usable 70 at once; seasonal naive repeats last week's constant 10 and does not
        ReviewResult result = review("resources: [{name: api, data: usage.csv, instances: 1, per_instance: 100}]\n",
                flat(80));
        assertThat(planning(result).evidence()).anySatisfy(line -> assertThat(line).startsWith("api: runway to ")
                .endsWith("; seasonal naive (snaive(168)) instead: runway beyond the horizon; 1 instance at the "
                        + "horizon"));
        assertThat(result.sections().getFirst().data().toString()).contains("baseline={model=snaive(168), "
                + "runway=null, instancesAtHorizon=1, samePlan=false}");
    }

    @Test
    void missingHeadroomForThreeTimesThePeakIsAFinding() throws IOException {
        ReviewResult result = review("resources: [{name: api, data: usage.csv, capacity: 40}]\n", flat(20));
        assertThat(planning(result).findings()).extracting(Finding::ruleId).containsExactly("capacity/no-headroom");
    }

    @Test
    void anInvalidPlanFailsWithItsLocatedProblemAndNoForecast() throws IOException {
        ReviewResult result = review("horizon: soon\nresources: [{name: api, data: usage.csv, capacity: 40}]\n",
                flat(20));
        assertThat(planning(result).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(planning(result).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(Finding.INPUT_INVALID);
            assertThat(finding.location().line()).isEqualTo(1);
        });
        assertThat(result.sections()).filteredOn(section -> section.id().equals("capacity")).singleElement()
                .satisfies(section -> assertThat(section.data()).doesNotContainKey("plans"));
    }

    @Test
    void theServiceCapacityHeadroomUsesThePlansTargetUtilisation() throws IOException {
        ReviewResult result = review("target_utilization: 50%\nservice_capacity:\n"
                + "  max_sustainable_rps_per_instance: 100\n  instances: 2\n  current_peak_rps: 50\n", flat(20));
        // 200 req/s at 50% utilisation is 100 usable against a 50 req/s peak
        assertThat(planning(result).evidence().getFirst()).contains("100 req/s usable (200 req/s total)",
                "headroom 2.00×");
    }

    @Test
    void aServiceCapacityBlockGivesHeadroomAndRunwayInTheOneCapacitySection() throws IOException {
        ReviewResult result = review("service_capacity:\n  max_sustainable_rps_per_instance: 100\n  instances: 2\n"
                + "  current_peak_rps: 50\n  growth_per_month: 10%\n", flat(20));
        assertThat(planning(result).status()).isEqualTo(CheckStatus.PASS);
        // 200 req/s against a 50 req/s peak growing 10% a month: ln(4) / ln(1.1) = 14.5 months
        assertThat(planning(result).evidence().getFirst()).contains("headroom 4.00×", "14.5 months");
        assertThat(result.sections()).extracting(section -> section.id()).containsExactly("capacity");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> headroom = (java.util.Map<String, Object>) result.sections().getFirst().data()
                .get("headroom");
        assertThat((Double) headroom.get("runwayMonths")).isCloseTo(14.545, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aPlanWithBothShapesGivesOneVerdictPerItem() throws IOException {
        ReviewResult result = review("service_capacity:\n  max_sustainable_rps_per_instance: 100\n  instances: 2\n"
                + "  current_peak_rps: 50\n  measured_on: 2026-11-01\n"
                + "resources: [{name: api, data: usage.csv, instances: 1, per_instance: 100}]\n", flat(50));
        assertThat(planning(result).status()).isEqualTo(CheckStatus.PASS);
        assertThat(planning(result).evidence()).anySatisfy(line -> assertThat(line).contains("headroom 4.00×"))
                .anySatisfy(line -> assertThat(line).startsWith("api: runway beyond 90d"));
        assertThat(result.sections().getFirst().verdicts()).extracting(verdict -> verdict.item())
                .containsExactlyInAnyOrder(ChecklistItem.CAPACITY_PLANNING, ChecklistItem.LOAD_TESTED);
    }
}
