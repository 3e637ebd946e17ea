package io.relia.server.dashboard;

import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.relia.server.ReliaServer;
import io.relia.server.ServerSetup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A relia serve on 127.0.0.1 over a SQLite store in a temporary directory, with a token, for dashboard tests. */
final class TestServer implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final IncidentStore store;
    final ReliaServer server;
    final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    TestServer(Path data, UnaryOperator<ServerSetup> setup) {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        token = store.tokens().create("e2e", Instant.now());
        server = ReliaServer.start(setup.apply(ServerSetup.of(store)), ReliaServer.Options.loopback(0));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> send(String method, String path, String body, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorized) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, false);
    }

    @Override
    public void close() {
        server.close();
        store.close();
        http.close();
    }

    /** The repository's root (tests run in relia-server/), where examples/ and scripts/ live. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/checkout-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no examples/checkout-service above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The checkout example's SLO files: native (checkout, payments), Sloth and OpenSLO. */
    static List<Path> exampleSloFiles() {
        Path reliability = repository().resolve("examples/checkout-service/reliability");
        return List.of(reliability.resolve("slos.yaml"), reliability.resolve("payments-slos.yaml"),
                reliability.resolve("sloth/checkout-availability.yaml"),
                reliability.resolve("openslo/checkout-availability.yaml"));
    }
}
