import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

import java.io.IOException;

class Ledger {
    @Retryable(value = IOException.class, backoff = @Backoff(delay = 100, maxDelay = 5000, multiplier = 2.0,
            random = true))
    void post(String entry) throws IOException {
    }

    @Retryable(interceptor = "ledgerRetryInterceptor")
    void reconcile(String account) throws IOException {
    }

    @Retryable(backoff = @Backoff(delay = 100, multiplier = MULTIPLIER))
    void settle(String account) throws IOException {
    }

    private static final double MULTIPLIER = 3;
}
