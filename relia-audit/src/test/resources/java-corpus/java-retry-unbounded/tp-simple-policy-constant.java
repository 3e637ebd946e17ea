import org.springframework.retry.policy.*;
import org.springframework.retry.support.RetryTemplate;

class ConstantForever {
    private static final int FOREVER = Integer.MAX_VALUE;

    SimpleRetryPolicy policy() {
        return new SimpleRetryPolicy(FOREVER); // expect: java/retry-unbounded
    }

    RetryTemplate template() {
        return RetryTemplate.builder()
                .maxAttempts(Integer.MAX_VALUE) // expect: java/retry-unbounded
                .uniformRandomBackoff(100, 500) // expect: java/retry-without-backoff
                .build();
    }
}
