import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

// A helper's future is bounded only when the helper's call is: work handed to an executor can run forever.
class ReportBuilder {
    private final ExecutorService pool;

    ReportBuilder(ExecutorService pool) {
        this.pool = pool;
    }

    String build() {
        return render().join(); // expect: java/blocking-without-deadline
    }

    CompletableFuture<String> render() {
        return CompletableFuture.supplyAsync(() -> "report", pool);
    }
}
