import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

class Quotes {
    private final ExecutorService executor;

    Quotes(ExecutorService executor) {
        this.executor = executor;
    }

    String quote() throws InterruptedException, ExecutionException {
        Future<String> future = executor.submit(() -> "42");
        return future.get(); // expect: java/blocking-without-deadline
    }

    String direct() throws InterruptedException, ExecutionException {
        return executor.submit(() -> "43").get(); // expect: java/blocking-without-deadline
    }
}
