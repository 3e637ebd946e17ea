package io.relia.server;

import io.javalin.http.HandlerType;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Every route the running server holds has a declared scope, and the table names no route that is gone. */
class RouteScopesTest {

    @TempDir
    Path data;

    @Test
    void everyRegisteredRouteDeclaresWhatItNeeds() {
        Set<String> served;
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(data));
             ReliaServer server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0))) {
            served = server.routes();
        }

        assertThat(served).isNotEmpty().allSatisfy(route -> assertThat(RouteScopes.declared(
                route.substring(0, route.indexOf(' ')), route.substring(route.indexOf(' ') + 1)))
                .as("the scope of " + route + " in RouteScopes").isPresent());
        assertThat(RouteScopes.routes()).as("routes in RouteScopes the server no longer serves")
                .containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theOpenApiDocumentStatesTheScopeOfEveryOperationThatNeedsOne() throws Exception {
        JsonNode document;
        try (InputStream in = OpenApi.class.getResourceAsStream(OpenApi.RESOURCE)) {
            document = JsonMapper.builder().build().readTree(in);
        }

        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            RouteAccess access = RouteScopes.declared(method, path.getKey()).orElseThrow();
            JsonNode stated = operation.getValue().get("x-relia-scope");
            assertThat(stated == null ? "" : stated.asString()).as(method + " " + path.getKey())
                    .isEqualTo(access.scope().map(TokenScope::label).orElse(""));
        }));
    }

    @Test
    void writesNeedWriteImportsNeedAdminAndWebhooksNeedIntake() {
        assertThat(RouteScopes.of(HandlerType.POST, "/api/v1/incidents/{id}/notes")).isEqualTo(RouteAccess.WRITE);
        assertThat(RouteScopes.of(HandlerType.PUT, "/api/v1/incidents/{id}")).isEqualTo(RouteAccess.WRITE);
        assertThat(RouteScopes.of(HandlerType.POST, "/api/v1/incidents/import")).isEqualTo(RouteAccess.ADMIN);
        assertThat(RouteScopes.of(HandlerType.POST, "/api/v1/alerts/alertmanager")).isEqualTo(RouteAccess.INTAKE);
        assertThat(RouteScopes.of(HandlerType.HEAD, "/api/v1/incidents")).isEqualTo(RouteAccess.READ);
    }

    @Test
    void aRouteMissingFromTheTableNeedsAnAdminToken() {
        assertThat(RouteScopes.of(HandlerType.DELETE, "/api/v1/incidents/{id}")).isEqualTo(RouteAccess.ADMIN);
    }
}
