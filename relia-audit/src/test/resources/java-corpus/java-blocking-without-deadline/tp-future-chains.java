package corpus.blocking.chains;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Waits at the end of CompletableFuture chains: each stage is another future, none with a timeout. */
final class ReportBuilder {
    private final PageSource pages;

    ReportBuilder(PageSource pages) {
        this.pages = pages;
    }

    void awaitAll(List<CompletableFuture<String>> parts) {
        CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                .join(); // expect: java/blocking-without-deadline
    }

    int countAll(List<CompletableFuture<String>> parts) {
        CompletableFuture<Void> all = CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]));
        return all.thenApplyAsync(done -> parts.size()).join(); // expect: java/blocking-without-deadline
    }

    // The project's own API hands out a CompletionStage; toCompletableFuture() makes it the JDK's future.
    int pageLength(String uri) {
        return pages.fetch(uri).thenApply(String::length).toCompletableFuture()
                .join(); // expect: java/blocking-without-deadline
    }

    String chained(CompletableFuture<String> first) throws Exception {
        return first.thenCompose(pages::fetchNow).get(); // expect: java/blocking-without-deadline
    }
}

interface PageSource {
    CompletionStage<String> fetch(String uri);

    CompletableFuture<String> fetchNow(String uri);
}
