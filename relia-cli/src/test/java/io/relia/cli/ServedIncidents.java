package io.relia.cli;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.relia.server.ReliaServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real relia serve on 127.0.0.1 over a SQLite store in {@code dir}, with a token file for token "cli", and the CLI
 * pointed at it with {@code --server}: what the {@code --server} tests run commands against.
 *
 * @param store     the server's store, to check what the commands wrote
 * @param tokenFile the file holding the token
 * @param url       {@code http://127.0.0.1:PORT}
 */
record ServedIncidents(IncidentStore store, ReliaServer server, Path tokenFile, String url) implements AutoCloseable {

    static ServedIncidents start(Path dir) {
        IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(dir.resolve("server")));
        try {
            Path tokenFile = Files.writeString(dir.resolve("token"), store.tokens().create("cli", Instant.now())
                    + "\n");
            ReliaServer server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0));
            return new ServedIncidents(store, server, tokenFile, "http://127.0.0.1:" + server.port());
        } catch (IOException unwritable) {
            store.close();
            throw new UncheckedIOException(unwritable);
        } catch (RuntimeException cannotStart) {
            store.close();
            throw cannotStart;
        }
    }

    /** Runs {@code relia ARGS --server URL --token-file FILE --as alice}. */
    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", url, "--token-file", tokenFile.toString(), "--as", "alice"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
