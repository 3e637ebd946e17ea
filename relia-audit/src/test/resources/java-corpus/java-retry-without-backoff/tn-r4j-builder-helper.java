import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

class BuilderHelpers {
    RetryConfig.Builder<Object> base() {
        return RetryConfig.custom().maxAttempts(3);
    }

    RetryConfig withHelper() {
        RetryConfig.Builder<Object> builder = RetryConfig.custom();
        backOff(builder);
        return builder.build();
    }

    RetryConfig derived(RetryConfig base) {
        return RetryConfig.from(base).maxAttempts(4).build();
    }

    private static void backOff(RetryConfig.Builder<Object> builder) {
        builder.intervalFunction(IntervalFunction.ofExponentialBackoff());
    }
}
