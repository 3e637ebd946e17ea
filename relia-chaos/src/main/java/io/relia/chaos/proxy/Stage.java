package io.relia.chaos.proxy;

import java.util.List;

/**
 * One toxic acting on one link. Everything runs on the connection's event loop, so a stage needs no locks; it
 * hands chunks on in order to {@link #next}, which is re-pointed when the chain changes.
 */
abstract class Stage {
    final Link link;
    final Toxic toxic;
    Stage next;

    Stage(Link link, Toxic toxic) {
        this.link = link;
        this.toxic = toxic;
    }

    /** Takes ownership of the chunk. */
    abstract void accept(Chunk chunk);

    /** Called once the stage is in the chain: start timers here. */
    void start() {
    }

    /** Stops timers and hands back the chunks still held, oldest first; the stage is not used again. */
    List<Chunk> stop() {
        return List.of();
    }

    /** The toxic left this link for good (deleted, or out of its scope), not replaced by a newer version. */
    void retire() {
    }

    /** Takes over state that must survive an update of the toxic (limit_data's byte count). */
    void carryFrom(Stage previous) {
    }

    /** Hands the chunk on; the name reads well at call sites. */
    final void emit(Chunk chunk) {
        next.accept(chunk);
    }
}
