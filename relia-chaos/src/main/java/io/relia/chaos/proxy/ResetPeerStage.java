package io.relia.chaos.proxy;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * On the first data, waits {@code timeout} ms and then resets both sides (TCP RST through SO_LINGER 0). Only the
 * connections this toxic actually fires on are reset: Toxiproxy sets the linger on every link while a reset_peer
 * toxic exists, even at toxicity 0 (its issue #603).
 */
final class ResetPeerStage extends Stage {
    private final long timeoutMillis;
    private ScheduledFuture<?> timer;
    private boolean fired;

    ResetPeerStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.timeoutMillis = toxic.spec().integer("timeout");
    }

    @Override
    void accept(Chunk chunk) {
        if (!chunk.isData()) {
            emit(chunk);
            return;
        }
        link.discard(chunk);
        if (fired) {
            return;
        }
        fired = true;
        if (timeoutMillis <= 0) {
            link.connection().reset();
        } else {
            timer = link.eventLoop().schedule(() -> link.connection().reset(), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    List<Chunk> stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        return List.of();
    }
}
