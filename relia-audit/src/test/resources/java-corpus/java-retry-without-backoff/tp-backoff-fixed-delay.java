import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

import java.io.IOException;

class Shipping {
    @Retryable(value = IOException.class, maxAttempts = 4,
            backoff = @Backoff(delay = 2000)) // expect: java/retry-without-backoff
    String label(String order) throws IOException {
        return order;
    }

    @Retryable(maxAttempts = 4, backoff = @Backoff(delay = 100, maxDelay = 900, multiplier = 1)) // expect: java/retry-without-backoff
    String track(String order) throws IOException {
        return order;
    }
}
