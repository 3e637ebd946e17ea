import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

import java.io.IOException;

class PaymentClient {
    @Retryable(maxAttempts = Integer.MAX_VALUE, backoff = @Backoff(delay = 100, multiplier = 2)) // expect: java/retry-unbounded
    String charge(String id) throws IOException {
        return gateway().charge(id);
    }

    Gateway gateway() {
        return null;
    }

    interface Gateway {
        String charge(String id) throws IOException;
    }
}
