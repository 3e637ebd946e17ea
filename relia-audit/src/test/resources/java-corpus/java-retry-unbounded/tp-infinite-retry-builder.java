import org.springframework.retry.support.RetryTemplate;

import java.io.IOException;

class InfiniteBuilder {
    RetryTemplate template() {
        return RetryTemplate.builder()
                .infiniteRetry() // expect: java/retry-unbounded
                .retryOn(IOException.class)
                .exponentialBackoff(100, 2, 10_000, true)
                .build();
    }
}
