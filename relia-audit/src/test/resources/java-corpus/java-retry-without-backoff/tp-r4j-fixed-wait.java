import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

class FixedWait {
    RetryConfig chained() {
        return RetryConfig.custom() // expect: java/retry-without-backoff
                .maxAttempts(4)
                .waitDuration(Duration.ofSeconds(1))
                .build();
    }

    RetryConfig stepByStep() {
        RetryConfig.Builder<Object> builder = RetryConfig.custom(); // expect: java/retry-without-backoff
        builder.maxAttempts(4);
        builder.waitDuration(Duration.ofMillis(250));
        return builder.build();
    }
}
