import java.util.function.Supplier;

// The retry library's own decorator: the loop has neither a pause nor a limit of its own because each failure goes
// to the retry context, which sleeps the configured interval and rethrows once the attempts are spent. The loop's
// other exit is that call throwing.
class RetryingDecorator {
    interface Retry {
        <T> Context<T> context();

        interface Context<T> {
            void onError(Exception failure) throws Exception;

            boolean onResult(T result);

            void onComplete();
        }
    }

    interface BackOff {
        void backOffAfter(Exception failure) throws Exception;
    }

    static <T> T call(Retry retry, Supplier<T> supplier) throws Exception {
        Retry.Context<T> context = retry.context();
        do {
            try {
                T result = supplier.get();
                if (!context.onResult(result)) {
                    context.onComplete();
                    return result;
                }
            } catch (RuntimeException e) {
                context.onError(e);
            }
        } while (true);
    }

    static <T> T withPolicy(BackOff policy, Supplier<T> supplier) throws Exception {
        while (true) {
            try {
                return supplier.get();
            } catch (RuntimeException e) {
                policy.backOffAfter(e);
            }
        }
    }
}
