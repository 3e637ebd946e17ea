package io.relia.chaos.proxy;

/**
 * Limits throughput to {@code rate} KB/s (1 KB = 1000 bytes): each slice of at most 100 ms worth of bytes leaves
 * when the bytes before it would have been sent at that rate. A rate of 0 or less means no limit.
 */
final class BandwidthStage extends PacedStage {
    private final long rate;

    BandwidthStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.rate = toxic.spec().integer("rate");
    }

    @Override
    void accept(Chunk chunk) {
        long now = System.nanoTime();
        if (rate <= 0 || !chunk.isData()) {
            release(chunk, now);
            return;
        }
        long slice = Math.max(1, Math.min(Integer.MAX_VALUE, rate * 100));
        long due = lastDue(now);
        while (chunk.size() > slice) {
            Chunk piece = chunk.slice((int) slice);
            due += nanosFor(slice);
            release(piece, due);
        }
        due += nanosFor(chunk.size());
        release(chunk, due);
    }

    /** At {@code rate} KB/s one byte takes 10^6 / rate ns. */
    private long nanosFor(long bytes) {
        return bytes * 1_000_000L / rate;
    }
}
