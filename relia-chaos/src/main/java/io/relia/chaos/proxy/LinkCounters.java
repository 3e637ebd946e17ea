package io.relia.chaos.proxy;

/** Where a link counts the bytes it moves (Prometheus counters when metrics are on). */
interface LinkCounters {
    LinkCounters NONE = new LinkCounters() {
        @Override
        public void received(long bytes) {
        }

        @Override
        public void sent(long bytes) {
        }
    };

    void received(long bytes);

    void sent(long bytes);
}
