package io.relia.chaos.proxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A toxic installed on a proxy. Each update makes a new version, for which links re-roll their toxicity; the
 * creation sequence number (chain order) and the connection counter behind {@link Scope#first()} survive updates.
 */
record Toxic(ToxicSpec spec, long seq, long version, AtomicLong connectionsSeen) {

    static Toxic created(ToxicSpec spec, long seq) {
        return new Toxic(spec, seq, 0, new AtomicLong());
    }

    Toxic updated(ToxicSpec newSpec) {
        return new Toxic(newSpec, seq, version + 1, connectionsSeen);
    }

    String name() {
        return spec.name();
    }
}
