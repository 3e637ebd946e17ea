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
    void missingHeadroomForThreeTimesThePeakIsAFinding() throws IOException {
        ReviewResult result = review("resources: [{name: api, data: usage.csv, capacity: 40}]\n", flat(20));
        assertThat(planning(result).findings()).extracting(Finding::ruleId).containsExactly("capacity/no-headroom");
    }

    @Test
    void anInvalidPlanFailsWithItsFirstError() throws IOException {
        ReviewResult result = review("horizon: soon\nresources: [{name: api, data: usage.csv, capacity: 40}]\n",
                flat(20));
        assertThat(planning(result).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("capacity/invalid-config");
            assertThat(finding.location().line()).isEqualTo(1);
        });
    }
}
