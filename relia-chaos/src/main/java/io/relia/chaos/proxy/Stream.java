package io.relia.chaos.proxy;

import java.util.Locale;
import java.util.Optional;

/** Which way a toxic acts: {@code upstream} is client to server, {@code downstream} server to client. */
enum Stream {
    UPSTREAM, DOWNSTREAM;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stream name case-insensitively, as Toxiproxy does. */
    static Optional<Stream> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "upstream" -> Optional.of(UPSTREAM);
            case "downstream" -> Optional.of(DOWNSTREAM);
            default -> Optional.empty();
        };
    }
}
