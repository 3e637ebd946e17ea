package corpus.blocking.unknown;

import com.example.state.Holder;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

class Snapshotter {
    private final Executor executor;

    Snapshotter(Executor executor) {
        this.executor = executor;
    }

    // InterruptedException does not make get() a future's get: Future.get() forces ExecutionException.
    String current(Holder holder) throws InterruptedException {
        Thread.sleep(10);
        return holder.current().get();
    }

    // join() that need not handle InterruptedException is no thread or latch wait (String.join, a joiner).
    String parts(Holder holder) throws ExecutionException {
        return holder.parts().join();
    }

    // The lambda runs on another thread: the method's throws clause does not cover what the lambda calls.
    void later(Holder holder) throws ExecutionException {
        executor.execute(() -> holder.current().get());
    }

    // Catching Exception tells nothing about the call.
    String guarded(Holder holder) {
        try {
            return holder.current().get();
        } catch (Exception e) {
            throw new IllegalStateException("snapshot failed", e);
        }
    }
}
