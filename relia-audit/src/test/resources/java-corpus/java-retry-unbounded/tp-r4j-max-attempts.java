import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import java.io.IOException;

class ForeverConfig {
    RetryConfig config() {
        return RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE) // expect: java/retry-unbounded
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(100, 2.0))
                .retryExceptions(IOException.class)
                .build();
    }
}
