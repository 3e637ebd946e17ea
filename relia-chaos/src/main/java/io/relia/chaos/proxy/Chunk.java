package io.relia.chaos.proxy;

import io.netty.buffer.ByteBuf;

/**
 * What flows through a link's toxics: bytes read from the source with their read time, or a marker that the
 * source finished ({@link Kind#EOF}, passed on as a half-close) or that a toxic wants the connection closed once
 * everything before the marker is written ({@link Kind#CLOSE}).
 */
final class Chunk {
    enum Kind { DATA, EOF, CLOSE }

    final Kind kind;
    ByteBuf data;
    /**
     * {@link System#nanoTime()} when the bytes were read from the source; a latency toxic moves it to when it let
     * them go, so latencies in series add up as in Toxiproxy.
     */
    long readNanos;

    private Chunk(Kind kind, ByteBuf data, long readNanos) {
        this.kind = kind;
        this.data = data;
        this.readNanos = readNanos;
    }

    static Chunk data(ByteBuf data, long readNanos) {
        return new Chunk(Kind.DATA, data, readNanos);
    }

    static Chunk eof(long readNanos) {
        return new Chunk(Kind.EOF, null, readNanos);
    }

    static Chunk close(long readNanos) {
        return new Chunk(Kind.CLOSE, null, readNanos);
    }

    boolean isData() {
        return kind == Kind.DATA;
    }

    int size() {
        return data == null ? 0 : data.readableBytes();
    }

    /** A piece of this chunk's bytes, sharing its read time; the piece holds its own reference. */
    Chunk slice(int length) {
        return new Chunk(Kind.DATA, data.readRetainedSlice(length), readNanos);
    }
}
