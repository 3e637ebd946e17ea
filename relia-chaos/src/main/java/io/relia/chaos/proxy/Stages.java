package io.relia.chaos.proxy;

/** Makes the stage that carries out a toxic on a link. */
final class Stages {
    private Stages() {
    }

    static Stage create(Link link, Toxic toxic) {
        return switch (toxic.spec().type()) {
            case LATENCY -> new LatencyStage(link, toxic);
            case BANDWIDTH -> new BandwidthStage(link, toxic);
            case SLOW_CLOSE -> new SlowCloseStage(link, toxic);
            case TIMEOUT -> new TimeoutStage(link, toxic);
            case RESET_PEER -> new ResetPeerStage(link, toxic);
            case SLICER -> new SlicerStage(link, toxic);
            case LIMIT_DATA -> new LimitDataStage(link, toxic);
            case PACKET_LOSS -> new PacketLossStage(link, toxic);
            case NOOP -> new NoopStage(link, toxic);
            case HTTP_STATUS, HTTP_LATENCY, HTTP_ABORT ->
                    throw new IllegalStateException("http toxics never reach a tcp link: " + toxic.name());
        };
    }

    /** Passes everything on; Toxiproxy keeps it as a hidden type. */
    static final class NoopStage extends Stage {
        NoopStage(Link link, Toxic toxic) {
            super(link, toxic);
        }

        @Override
        void accept(Chunk chunk) {
            emit(chunk);
        }
    }
}
