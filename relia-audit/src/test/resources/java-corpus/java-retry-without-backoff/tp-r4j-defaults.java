import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

class Defaults {
    Retry inventory() {
        return Retry.ofDefaults("inventory"); // expect: java/retry-without-backoff
    }

    RetryConfig config() {
        return RetryConfig.ofDefaults(); // expect: java/retry-without-backoff
    }

    RetryConfig constant() {
        return RetryConfig.custom().maxAttempts(3)
                .intervalFunction(IntervalFunction.of(Duration.ofMillis(500))) // expect: java/retry-without-backoff
                .build();
    }
}
