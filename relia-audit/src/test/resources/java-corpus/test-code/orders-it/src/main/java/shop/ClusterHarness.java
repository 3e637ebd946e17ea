package shop;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// A module named *-it holds integration-test support: its src/main is test code, built only for the tests.
class ClusterHarness {

    private final ExecutorService nodes = Executors.newSingleThreadExecutor();

    String startNode() throws InterruptedException, ExecutionException {
        Future<String> started = nodes.submit(() -> "node-1");
        return started.get();
    }
}
