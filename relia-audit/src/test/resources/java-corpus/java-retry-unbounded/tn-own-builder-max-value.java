import io.github.resilience4j.retry.Retry;

class OwnBuilder {
    Policy policy() {
        return Policy.builder().maxAttempts(Integer.MAX_VALUE).build();
    }

    int attempts(Retry retry) {
        return retry.getRetryConfig().getMaxAttempts();
    }

    static final class Policy {
        static Builder builder() {
            return new Builder();
        }

        static final class Builder {
            Builder maxAttempts(int attempts) {
                return this;
            }

            Policy build() {
                return new Policy();
            }
        }
    }
}
