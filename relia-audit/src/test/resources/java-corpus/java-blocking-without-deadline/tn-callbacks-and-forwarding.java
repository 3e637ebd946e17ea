package corpus.blocking.callbacks;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

class Combined {
    // thenApply runs once allOf completed: both futures are done, join() returns at once.
    CompletableFuture<String> both(CompletableFuture<String> left, CompletableFuture<String> right) {
        return CompletableFuture.allOf(left, right).thenApply(done -> left.join() + right.join());
    }
}

/** Forwards the untimed API to its delegate: whoever calls invokeAll chose to wait, and is judged there. */
abstract class ForwardingExecutor implements ExecutorService {
    private final ExecutorService delegate;

    ForwardingExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return delegate.invokeAll(tasks);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return delegate.invokeAny(tasks);
    }
}
