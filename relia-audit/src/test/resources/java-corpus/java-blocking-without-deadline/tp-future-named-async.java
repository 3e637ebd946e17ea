package corpus.blocking.named;

import io.example.mcp.StreamServer;
import io.example.store.RemoteTable;

/**
 * Library types the sources do not show, and a catch of Exception that says nothing: the names of the calls say
 * they return futures (closeGracefully, putAsync), so the get() and join() on their results wait.
 */
final class Shutdown {
    private StreamServer server;
    private RemoteTable table;

    void stop() {
        try {
            server.closeGracefully().get(); // expect: java/blocking-without-deadline
        } catch (Exception e) {
            throw new IllegalStateException("stop failed", e);
        }
    }

    void store(String key, String value) {
        table.putAsync(key, value).join(); // expect: java/blocking-without-deadline
    }
}
