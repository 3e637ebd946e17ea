package io.relia.server.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exponential backoff with full jitter, and the cap on what a receiver may ask for. */
class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500));

    @Test
    void eachWaitIsBetweenZeroAndTheDoublingCeilingCappedAtTheCap() {
        long[] ceilings = {0, 0, 100, 200, 400, 500, 500};
        for (int next = 2; next < ceilings.length; next++) {
            for (int draw = 0; draw < 1_000; draw++) {
                assertThat(POLICY.backoff(next, null)).isBetween(Duration.ZERO, Duration.ofMillis(ceilings[next]));
            }
        }
    }

    @Test
    void theWaitsAreSpreadNotFixed() {
        assertThat(java.util.stream.IntStream.range(0, 200).mapToObj(i -> POLICY.backoff(4, null)).distinct()
                .count()).isGreaterThan(10);
    }

    @Test
    void aRetryAfterIsHonouredUpToTheCap() {
        assertThat(POLICY.backoff(2, Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
        assertThat(POLICY.backoff(2, Duration.ofHours(1))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void manyAttemptsDoNotOverflowTheCeiling() {
        RetryPolicy patient = new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(patient.backoff(20, null)).isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("base");
    }
}
