import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

class RestoredReturn {
    String get(Future<String> future) throws ExecutionException {
        try {
            return future.get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
