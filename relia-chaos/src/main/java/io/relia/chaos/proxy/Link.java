package io.relia.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: bytes read from {@code source} pass through the chain of toxics for this
 * stream and are written to {@code destination}. Runs on the connection's event loop only. Reading pauses while
 * the destination cannot keep up or the toxics hold too much, so memory per link stays bounded.
 */
final class Link {
    /** Bytes held in the toxics before reading pauses: enough for 100 MB/s behind a 100 ms latency toxic. */
    static final long PAUSE_BYTES = 16L * 1024 * 1024;
    static final long RESUME_BYTES = 8L * 1024 * 1024;
    /**
     * Chunks queued in timed toxics before reading pauses: a slicer cutting into 1-byte pieces would otherwise hold
     * 16 Mi objects of about 100 bytes each for its 16 MiB, and sum 16 Mi delays. 64 Ki pieces are about 8 MB.
     */
    static final long PAUSE_CHUNKS = 64L * 1024;
    static final long RESUME_CHUNKS = 32L * 1024;

    /** A toxic's state on this link: whether its toxicity roll and scope let it act here, and its stage. */
    private record Installed(Toxic toxic, boolean on, Stage stage) {
    }

    private final Stream stream;
    private final ProxyConnection connection;
    private final Channel source;
    private final Channel destination;
    private final Sink sink;
    private final LinkCounters counters;
    private Stage head;
    private Map<String, Installed> installed = new LinkedHashMap<>();
    private final List<ScheduledFuture<?>> windowTimers = new ArrayList<>();
    private long held;
    private long queuedChunks;
    private long bytesIn;
    private boolean disposed;

    Link(Stream stream, ProxyConnection connection, Channel source, Channel destination, LinkCounters counters) {
        this.stream = stream;
        this.connection = connection;
        this.source = source;
        this.destination = destination;
        this.counters = counters;
        this.sink = new Sink(this, destination);
        this.head = sink;
    }

    EventLoop eventLoop() {
        return source.eventLoop();
    }

    ProxyConnection connection() {
        return connection;
    }

    Stream stream() {
        return stream;
    }

    long bytesIn() {
        return bytesIn;
    }

    /** Names of the toxics acting on this link now, in chain order. */
    List<String> activeToxics() {
        return installed.values().stream().filter(i -> i.stage != null).map(i -> i.toxic.name()).toList();
    }

    void read(ByteBuf data) {
        int size = data.readableBytes();
        held += size;
        bytesIn += size;
        counters.received(size);
        head.accept(Chunk.data(data, System.nanoTime()));
        gate();
    }

    void sourceEnded() {
        head.accept(Chunk.eof(System.nanoTime()));
    }

    /** A stage dropped a chunk: free it and let reading go on. */
    void discard(Chunk chunk) {
        if (chunk.data != null) {
            held -= chunk.size();
            chunk.data.release();
            chunk.data = null;
            gate();
        }
    }

    /** A timed stage queued ({@code +n}) or let go ({@code -n}) chunks. */
    void queued(int delta) {
        queuedChunks += delta;
        if (delta < 0) {
            gate();
        }
    }

    void written(int size) {
        held -= size;
        counters.sent(size);
        gate();
    }

    /** Lets the source be read only while the destination is writable and the toxics hold little. */
    void gate() {
        if (disposed) {
            return;
        }
        boolean reading = source.config().isAutoRead();
        ProxyConnection.setReading(source, destination.isWritable() && held < (reading ? PAUSE_BYTES : RESUME_BYTES)
                && queuedChunks < (reading ? PAUSE_CHUNKS : RESUME_CHUNKS));
    }

    /**
     * Brings the chain in line with the proxy's toxics: keeps stages whose toxic did not change, re-rolls toxicity
     * for new or updated toxics, and hands chunks held by leaving stages to the stage that now follows them, so no
     * byte is lost or reordered.
     */
    void rebuild(List<Toxic> toxics) {
        if (disposed) {
            return;
        }
        cancelWindowTimers();
        Instant now = Instant.now();
        Map<String, Installed> next = new LinkedHashMap<>();
        for (Toxic toxic : toxics) {
            if (toxic.spec().stream() != stream) {
                continue;
            }
            Installed old = installed.get(toxic.name());
            boolean on = old != null && old.toxic.version() == toxic.version() ? old.on : roll(toxic);
            boolean active = on && toxic.spec().scope().activeAt(now);
            Stage stage = null;
            if (active) {
                stage = old != null && old.toxic == toxic && old.stage != null ? old.stage : Stages.create(this, toxic);
            }
            next.put(toxic.name(), new Installed(toxic, on, stage));
            if (on) {
                scheduleWindowChange(toxic.spec().scope(), now);
            }
        }
        relink(next);
    }

    private boolean roll(Toxic toxic) {
        double toxicity = toxic.spec().toxicity();
        boolean rolled = toxicity >= 1.0 || toxicity > 0.0 && ThreadLocalRandom.current().nextDouble() < toxicity;
        return rolled && toxic.spec().scope().matchesConnection(connection.ordinal(toxic), connection.clientAddress());
    }

    private void relink(Map<String, Installed> next) {
        List<Stage> chain = next.values().stream().filter(i -> i.stage != null).map(Installed::stage).toList();
        Map<Stage, Boolean> kept = new IdentityHashMap<>();
        chain.forEach(s -> kept.put(s, true));
        Stage following = sink;
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).next = following;
            following = chain.get(i);
        }
        head = following;
        List<Stage> leaving = installed.values().stream().map(Installed::stage)
                .filter(s -> s != null && !kept.containsKey(s))
                .sorted(Comparator.comparingLong((Stage s) -> s.toxic.seq()).reversed()).toList();
        Map<String, Installed> previous = installed;
        installed = next;
        for (Stage stage : chain) {
            if (!previous.containsKey(stage.toxic.name()) || previous.get(stage.toxic.name()).stage != stage) {
                Installed before = previous.get(stage.toxic.name());
                if (before != null && before.stage != null) {
                    stage.carryFrom(before.stage);
                }
                connection.activated(stage.toxic);
                stage.start();
            }
        }
        for (Stage stage : leaving) {
            Stage target = chain.stream().filter(s -> s.toxic.seq() >= stage.toxic.seq()).findFirst().orElse(sink);
            for (Chunk chunk : stage.stop()) {
                target.accept(chunk);
            }
            Installed now = next.get(stage.toxic.name());
            if (now == null || now.stage == null) {
                stage.retire();
            }
        }
    }

    private void scheduleWindowChange(Scope scope, Instant now) {
        for (Instant edge : new Instant[] {scope.from().orElse(null), scope.until().orElse(null)}) {
            if (edge != null && edge.isAfter(now)) {
                long delay = Duration.between(now, edge).toNanos() + TimeUnit.MILLISECONDS.toNanos(1);
                windowTimers.add(eventLoop().schedule(() -> rebuild(connection.toxics()), delay,
                        TimeUnit.NANOSECONDS));
            }
        }
    }

    private void cancelWindowTimers() {
        windowTimers.forEach(t -> t.cancel(false));
        windowTimers.clear();
    }

    /** Stops every stage and frees what they hold; the connection is closing. */
    void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        cancelWindowTimers();
        for (Installed i : installed.values()) {
            if (i.stage != null) {
                i.stage.stop().forEach(this::discard);
            }
        }
        installed = Map.of();
        head = sink;
    }
}
