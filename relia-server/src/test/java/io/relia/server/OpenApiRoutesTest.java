package io.relia.server;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes Javalin itself holds once the server started (not what the sources seem to register) are the routes
 * /openapi.json documents: the API under /api/, health, readiness and metrics. Dashboard assets and the document
 * itself are not API.
 */
class OpenApiRoutesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OPERATIONS = Set.of("/health", "/ready", "/metrics");

    @TempDir
    Path data;

    @Test
    void documentsExactlyTheRoutesJavalinServes() throws Exception {
        JsonNode document;
        try (InputStream in = OpenApi.class.getResourceAsStream(OpenApi.RESOURCE)) {
            document = JSON.readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> served = new TreeSet<>();
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(data));
             ReliaServer server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0))) {
            for (String route : server.routes()) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                if (METHODS.contains(method) && (path.startsWith("/api/")
                        || OPERATIONS.contains(path))) {
                    served.add(route);
                }
            }
        }

        assertThat(served).contains("GET /health", "PUT /api/v1/incidents/{id}", "POST /api/v1/alerts/pagerduty");
        assertThat(documented).isEqualTo(served);
    }
}
