package io.relia.chaos.proxy;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Swallows everything; closes the connection once no data came for {@code timeout} ms (Toxiproxy restarts its
 * timer on each chunk), or holds it open forever when the timeout is 0. When the toxic goes away the connection
 * is closed, not resumed: the bytes it swallowed are gone.
 */
final class TimeoutStage extends Stage {
    private final long timeoutMillis;
    private ScheduledFuture<?> timer;

    TimeoutStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.timeoutMillis = toxic.spec().integer("timeout");
    }

    @Override
    void start() {
        arm();
    }

    @Override
    void accept(Chunk chunk) {
        link.discard(chunk);
        arm();
    }

    private void arm() {
        if (timeoutMillis <= 0) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timer = link.eventLoop().schedule(() -> link.connection().close(), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    List<Chunk> stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        return List.of();
    }

    @Override
    void retire() {
        link.connection().close();
    }
}
