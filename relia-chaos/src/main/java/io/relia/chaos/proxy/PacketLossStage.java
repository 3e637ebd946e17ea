package io.relia.chaos.proxy;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Drops whole chunks with probability {@code loss_rate}; with probability {@code correlation} a chunk shares the
 * previous chunk's fate, which makes losses come in bursts while keeping the average rate. Unlike IP packet loss,
 * TCP does not resend what is dropped here: the bytes are gone, as on a lossy datagram link.
 */
final class PacketLossStage extends Stage {
    private final double lossRate;
    private final double correlation;
    private boolean lastDropped;

    PacketLossStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.lossRate = toxic.spec().ratio("loss_rate");
        this.correlation = toxic.spec().ratio("correlation");
    }

    @Override
    void accept(Chunk chunk) {
        if (!chunk.isData()) {
            emit(chunk);
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean drop = random.nextDouble() < correlation ? lastDropped : random.nextDouble() < lossRate;
        lastDropped = drop;
        if (drop) {
            link.discard(chunk);
        } else {
            emit(chunk);
        }
    }
}
