package io.relia.chaos.proxy;

import java.util.concurrent.TimeUnit;

/** Passes data at once, but holds the end of the stream for {@code delay} ms before closing the destination. */
final class SlowCloseStage extends PacedStage {
    private final long delayNanos;

    SlowCloseStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(toxic.spec().integer("delay"));
    }

    @Override
    void accept(Chunk chunk) {
        long now = System.nanoTime();
        release(chunk, chunk.isData() ? now : now + delayNanos);
    }
}
