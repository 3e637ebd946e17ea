package io.relia.load.search;

import io.relia.core.report.ChartData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SearchChartsTest {

    private static StepResult step(double rate, double finished, double p99, boolean pass) {
        return new StepResult("search", rate, rate, finished, p99 / 2, p99, 0, pass, List.of(), pass ? "" : "p99");
    }

    private static final StepResult KNEE = step(800, 800, 120, true);
    private static final StepResult FAILURE = step(1000, 870, 900, false);
    private static final SearchResult RESULT = new SearchResult("p99<300ms", Optional.of(KNEE), Optional.of(FAILURE),
            List.of(FAILURE, step(400, 400, 40, true), KNEE), "precision");

    @Test
    void latencyAndRateAreSeparateChartsEachWithItsUnit() {
        assertThat(SearchReport.latencyChart(RESULT).y().unit()).isEqualTo("ms");
        assertThat(SearchReport.rateChart(RESULT).y().unit()).isEqualTo("req/s");
        assertThat(SearchReport.rateChart(RESULT).x().unit()).isEqualTo("req/s");
    }

    @Test
    void stepsAreInOrderOfRate() {
        assertThat(SearchReport.latencyChart(RESULT).x().values()).containsExactly(400.0, 800.0, 1000.0);
    }

    @Test
    void theKneeIsShadedFromTheLastPassToTheFirstFailure() {
        assertThat(SearchReport.latencyChart(RESULT).bands()).singleElement().satisfies(band -> {
            assertThat(band.from()).isEqualTo(800);
            assertThat(band.to()).isEqualTo(1000);
        });
    }

    @Test
    void theRateChartShowsWhereFinishedPartsFromIntended() {
        assertThat(SearchReport.rateChart(RESULT).series()).extracting(ChartData.Series::name)
                .containsExactly("finished", "intended (keeping up)");
    }
}
