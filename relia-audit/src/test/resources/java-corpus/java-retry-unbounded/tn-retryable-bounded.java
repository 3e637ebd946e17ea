import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

import java.io.IOException;

class Inventory {
    @Retryable(value = IOException.class, maxAttempts = 4, backoff = @Backoff(delay = 200, multiplier = 2))
    int stock(String sku) throws IOException {
        return 0;
    }

    @Retryable(maxAttempts = 0, backoff = @Backoff(delay = 200, multiplier = 2, random = true))
    int once(String sku) throws IOException {
        return 0;
    }

    @Retryable(maxAttemptsExpression = "${retry.max}", backoff = @Backoff(delayExpression = "${retry.delay}"))
    int configured(String sku) throws IOException {
        return 0;
    }
}
