package io.relia.chaos.proxy;

/**
 * Forwards at most {@code bytes} bytes on this link, cutting the chunk that crosses the limit, then closes the
 * connection. The count survives updates of the toxic, as in Toxiproxy.
 */
final class LimitDataStage extends Stage {
    private final long limit;
    private long transmitted;
    private boolean closed;

    LimitDataStage(Link link, Toxic toxic) {
        super(link, toxic);
        this.limit = toxic.spec().integer("bytes");
    }

    @Override
    void carryFrom(Stage previous) {
        if (previous instanceof LimitDataStage old) {
            transmitted = old.transmitted;
        }
    }

    @Override
    void accept(Chunk chunk) {
        if (closed) {
            link.discard(chunk);
            return;
        }
        if (chunk.isData()) {
            long room = limit - transmitted;
            if (chunk.size() > room) {
                if (room > 0) {
                    Chunk head = chunk.slice((int) room);
                    transmitted += room;
                    link.discard(chunk);
                    emit(head);
                } else {
                    link.discard(chunk);
                }
            } else {
                transmitted += chunk.size();
                emit(chunk);
            }
            if (transmitted < limit) {
                return;
            }
        } else if (chunk.kind != Chunk.Kind.CLOSE && transmitted < limit) {
            emit(chunk);
            return;
        }
        closed = true;
        emit(Chunk.close(chunk.readNanos));
    }
}
