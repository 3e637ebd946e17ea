import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

class Exponential {
    RetryConfig config() {
        return RetryConfig.custom()
                .maxAttempts(5)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(200, 2.0, 0.5))
                .build();
    }

    RetryConfig byResult() {
        return RetryConfig.<String>custom()
                .intervalBiFunction((attempt, outcome) -> 100L << attempt)
                .build();
    }
}
