import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

class BoundedConfig {
    RetryConfig config() {
        return RetryConfig.custom()
                .maxAttempts(5)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(200, 2.0))
                .build();
    }
}
