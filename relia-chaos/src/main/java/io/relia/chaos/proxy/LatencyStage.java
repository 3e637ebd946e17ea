package io.relia.chaos.proxy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Delays each chunk by {@code latency} ± {@code jitter} ms counted from when it was read, so chunks are pipelined
 * and throughput is not reduced; markers leave right after the data before them.
 */
final class LatencyStage extends PacedStage {
    private final long latencyNanos;
    private final long jitterNanos;

    LatencyStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(toxic.spec().integer("latency"));
        this.jitterNanos = TimeUnit.MILLISECONDS.toNanos(toxic.spec().integer("jitter"));
    }

    @Override
    void accept(Chunk chunk) {
        if (!chunk.isData()) {
            release(chunk, System.nanoTime());
            return;
        }
        long delay = latencyNanos;
        if (jitterNanos > 0) {
            delay += ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos);
        }
        chunk.readNanos += Math.max(0, delay);
        release(chunk, chunk.readNanos);
    }
}
