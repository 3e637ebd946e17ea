package io.relia.chaos.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cuts each chunk into pieces of about {@code average_size} bytes (± {@code size_variation}) by repeated halving,
 * and sends them {@code delay} µs apart.
 */
final class SlicerStage extends PacedStage {
    private final int averageSize;
    private final int variation;
    private final long delayNanos;

    SlicerStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.averageSize = (int) Math.max(1, Math.min(Integer.MAX_VALUE, toxic.spec().integer("average_size")));
        this.variation = (int) Math.max(0, Math.min(averageSize, toxic.spec().integer("size_variation")));
        this.delayNanos = TimeUnit.MICROSECONDS.toNanos(toxic.spec().integer("delay"));
    }

    @Override
    void accept(Chunk chunk) {
        long now = System.nanoTime();
        if (!chunk.isData()) {
            release(chunk, lastDue(now));
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        cut(chunk.size(), sizes);
        long due = lastDue(now);
        for (int i = 0; i < sizes.size() - 1; i++) {
            release(chunk.slice(sizes.get(i)), due);
            due += delayNanos;
        }
        release(chunk, due);
    }

    /** Appends the sizes of the pieces a chunk of {@code size} bytes is cut into, in order. */
    void cut(int size, List<Integer> sizes) {
        if (size - averageSize <= variation || size < 2) {
            sizes.add(size);
            return;
        }
        int shift = variation == 0 ? 0 : ThreadLocalRandom.current().nextInt(-variation, variation + 1);
        int first = Math.clamp(size / 2 + shift, 1, size - 1);
        cut(first, sizes);
        cut(size - first, sizes);
    }
}
