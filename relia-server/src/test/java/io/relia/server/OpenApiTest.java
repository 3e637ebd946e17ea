package io.relia.server;

import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** /openapi.json is served, and every route it documents answers (OpenApiRoutesTest checks the reverse). */
class OpenApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    Path data;

    private static Set<String> documentedRoutes(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                routes.add(method.getKey().toLowerCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteAnswers() throws Exception {
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(data));
             HttpClient http = HttpClient.newHttpClient()) {
            String token = store.tokens().create("docs", Instant.now());
            try (ReliaServer server = ReliaServer.start(store, io.relia.incident.IncidentPolicy.DEFAULT,
                    ReliaServer.Options.loopback(0))) {
                String base = "http://127.0.0.1:" + server.port();
                HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi.json"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                JsonNode document = JSON.readTree(served.body());

                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
                for (String route : documentedRoutes(document)) {
                    String method = route.substring(0, route.indexOf(' ')).toUpperCase(Locale.ROOT);
                    String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "1")
                            .replace("{action}", "ack");
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.body()).as(route).doesNotContain("no such endpoint");
                }
            }
        }
    }
}
