import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class Deadline {
    String load(CompletableFuture<String> future) {
        return future.orTimeout(2, TimeUnit.SECONDS).join();
    }
}
