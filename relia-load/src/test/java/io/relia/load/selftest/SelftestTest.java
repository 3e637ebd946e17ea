package io.relia.load.selftest;

import io.relia.load.run.LoadListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SelftestTest {

    @Test
    void correctedPercentilesMatchTheoryOfAPauseWhileUncorrectedOnesStayNearTheServiceTime() throws Exception {
        Selftest.Outcome outcome = Selftest.run(1000, Duration.ofSeconds(5), Duration.ofSeconds(1), 20, 0.05,
                LoadListener.NONE);

        for (Selftest.Row row : outcome.rows()) {
            System.out.printf("p%s expected %.1f ms corrected %.1f ms (%+.2f%%) uncorrected %.2f ms%n",
                    row.percentile(), row.expectedMillis(), row.correctedMillis(), row.error() * 100,
                    row.uncorrectedMillis());
        }
        System.out.printf("uncorrected p50 %.3f p99 %.3f requests %d errors %d%n", outcome.uncorrectedP50Millis(),
                outcome.uncorrectedP99Millis(), outcome.requests(), outcome.errors());
        assertThat(outcome.rows()).isNotEmpty().allSatisfy(row ->
                assertThat(row.correctedMillis()).isCloseTo(row.expectedMillis(),
                        org.assertj.core.data.Percentage.withPercentage(5)));
        // p99 of a 1 s pause in 5 s: 1 − 0.01·5 = 0.95 s
        assertThat(outcome.rows()).anySatisfy(row -> {
            assertThat(row.percentile()).isEqualTo(99);
            assertThat(row.expectedMillis()).isCloseTo(950, org.assertj.core.data.Offset.offset(0.001));
        });
        assertThat(outcome.uncorrectedP99Millis()).isLessThan(50);
        assertThat(outcome.errors()).isZero();
        // the warm-up is left out by intended send time: exactly the 5 s of arrivals after it
        assertThat(outcome.requests()).isEqualTo(5_000L);
        assertThat(outcome.pass()).isTrue();
    }
}
