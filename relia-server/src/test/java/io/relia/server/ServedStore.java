package io.relia.server;

import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A relia serve on a SQLite store in a temp directory, for tests that talk to it with {@link RawHttp}. */
final class ServedStore implements AutoCloseable {

    final IncidentStore store;
    final ReliaServer server;

    ServedStore(Path data, ReliaServer.Options options, Clock clock) {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        server = ReliaServer.start(ServerSetup.of(store).withClock(clock), options);
    }

    ServedStore(Path data) {
        this(data, ReliaServer.Options.loopback(0), Clock.systemUTC());
    }

    /** A new token named {@code name} with {@code scopes} that never expires. */
    String token(String name, TokenScope... scopes) {
        return store.tokens().create(name, Set.of(scopes), Optional.empty(), Instant.now());
    }

    int port() {
        return server.port();
    }

    /** {@code method path} to localhost with a JSON body (or none) and the bearer token (or none). */
    RawHttp.Answer call(String method, String path, String body, String token) throws IOException {
        String headers = (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (body == null ? "" : "Content-Type: application/json\r\n");
        return RawHttp.send(port(), method + " " + path, "localhost:" + port(), headers, body);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
