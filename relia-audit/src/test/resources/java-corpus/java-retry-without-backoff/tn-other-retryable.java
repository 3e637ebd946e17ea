import org.springframework.resilience.annotation.Retryable;

import java.io.IOException;

class FrameworkRetry {
    @Retryable(maxRetries = 4, delay = 100, multiplier = 2, jitter = 10)
    String fetch() throws IOException {
        return "";
    }
}
