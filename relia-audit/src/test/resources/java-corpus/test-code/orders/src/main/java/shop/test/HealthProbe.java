package shop.test;

import java.util.concurrent.CompletableFuture;

// A package named "test" under src/main is production code: the build ships it.
public class HealthProbe {

    public String check(CompletableFuture<String> reply) {
        return reply.join(); // expect: java/blocking-without-deadline
    }
}
