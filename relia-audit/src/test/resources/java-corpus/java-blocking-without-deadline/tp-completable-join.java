import java.util.concurrent.CompletableFuture;

class Joins {
    String load() {
        return CompletableFuture.supplyAsync(() -> "x").thenApply(String::trim).join(); // expect: java/blocking-without-deadline
    }
}
