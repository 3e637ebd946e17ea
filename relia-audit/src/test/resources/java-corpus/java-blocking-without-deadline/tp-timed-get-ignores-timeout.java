package corpus.blocking.ignored;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A future over a future whose timed get forgets its timeout. */
final class RpcResult implements Future<String> {
    private final CompletableFuture<String> response = new CompletableFuture<>();

    @Override
    public String get() throws InterruptedException, ExecutionException {
        return response.get();
    }

    @Override
    public String get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return this.get(); // expect: java/blocking-without-deadline
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return response.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return response.isCancelled();
    }

    @Override
    public boolean isDone() {
        return response.isDone();
    }
}
