package corpus.blocking.chainsbounded;

import io.example.store.RemoteTable;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Chains that cannot wait forever, and get() calls on results that are no futures. */
final class BoundedChains {
    private final Catalog catalog = new Catalog();
    private RemoteTable table;

    // A timeout earlier in the chain fails every later stage once it passes.
    int bounded(CompletionStage<String> page) {
        return page.toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).thenApply(String::length)
                .thenComposeAsync(length -> CompletableFuture.completedFuture(length * 2)).join();
    }

    String withDefault(CompletableFuture<String> remote) throws Exception {
        return remote.completeOnTimeout("unknown", 2, TimeUnit.SECONDS).thenApply(String::trim).get();
    }

    // Complete when made: thenApply runs in this thread and adds no wait.
    int ready() throws Exception {
        return CompletableFuture.completedFuture("cached").thenApply(String::length).get();
    }

    // The project's method returns a future that is complete when made.
    String cached() throws Exception {
        return catalog.lookupAsync().get();
    }

    // Named like a future's maker, but the project declares it returns an Optional.
    String optional() {
        return catalog.firstAsync().get();
    }

    // Other no-argument gets on a call's result: an Optional, a Supplier, a property.
    String plain(Supplier<Supplier<String>> nested) {
        return nested.get().get() + table.lastWritten().get();
    }
}

final class Catalog {
    CompletableFuture<String> lookupAsync() {
        return CompletableFuture.completedFuture("entry");
    }

    Optional<String> firstAsync() {
        return Optional.of("first");
    }
}

/** A cache whose futures are complete before they are returned; the sync get() reads through its own overload. */
final class LocalCacheTable {
    private final java.util.Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

    String get(String key) {
        try {
            return getAsync(key).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<String> getAsync(String key, Object... options) {
        CompletableFuture<String> future = new CompletableFuture<>();
        future.complete(cache.get(key));
        return future;
    }
}
