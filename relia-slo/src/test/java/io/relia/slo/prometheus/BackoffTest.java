package io.relia.slo.prometheus;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void ceilingDoublesPerRetryUpToTheMaximum() {
        assertThat(DEFAULT.ceiling(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(DEFAULT.ceiling(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(DEFAULT.ceiling(4)).isEqualTo(Duration.ofMillis(3200));
        assertThat(DEFAULT.ceiling(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULT.ceiling(100)).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261123})
    void everyDelayLiesBetweenZeroAndTheCeiling(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            Backoff backoff = new Backoff(Duration.ofNanos(1 + random.nextInt(1_000_000_000)),
                    Duration.ofSeconds(1 + random.nextInt(600)));
            int retry = random.nextInt(70);
            Duration delay = backoff.delay(retry, random.nextDouble());
            assertThat(delay).isBetween(Duration.ZERO, backoff.ceiling(retry));
            assertThat(backoff.ceiling(retry)).isLessThanOrEqualTo(backoff.max());
        }
    }

    @Test
    void fullJitterSpansTheWholeRange() {
        assertThat(DEFAULT.delay(1, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(DEFAULT.delay(1, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(DEFAULT.delay(1, 0.999_999)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void theMaximumCannotBeBelowTheInitialBackoff() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the initial");
    }
}
