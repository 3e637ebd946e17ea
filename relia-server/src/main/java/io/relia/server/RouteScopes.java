package io.relia.server;

import io.javalin.http.HandlerType;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may call which route. Every route the server registers is listed here (a test walks the
 * routes Javalin holds and fails on any missing one); a route missing anyway needs an admin token, never nothing.
 */
final class RouteScopes {

    private static final Map<String, RouteAccess> ROUTES = Map.ofEntries(
            Map.entry("GET /health", RouteAccess.PUBLIC),
            Map.entry("GET /ready", RouteAccess.PUBLIC),
            Map.entry("GET /metrics", RouteAccess.PUBLIC),
            Map.entry("GET /openapi.json", RouteAccess.PUBLIC),
            Map.entry("GET /", RouteAccess.PUBLIC),
            Map.entry("GET /dashboard/app.js", RouteAccess.PUBLIC),
            Map.entry("GET /dashboard/app.css", RouteAccess.PUBLIC),

            Map.entry("GET /api/v1/incidents", RouteAccess.READ),
            Map.entry("GET /api/v1/incidents/{id}", RouteAccess.READ),
            Map.entry("GET /api/v1/incidents/{id}/timeline", RouteAccess.READ),
            Map.entry("GET /api/v1/incidents/{id}/alerts", RouteAccess.READ),
            Map.entry("GET /api/v1/incidents/{id}/postmortem", RouteAccess.READ),
            Map.entry("GET /api/v1/incidents/{id}/similar", RouteAccess.READ),
            Map.entry("GET /api/v1/similar", RouteAccess.READ),
            Map.entry("GET /api/v1/stats", RouteAccess.READ),
            Map.entry("GET /api/v1/policy", RouteAccess.READ),
            Map.entry("GET /api/v1/actions", RouteAccess.READ),
            Map.entry("GET /api/v1/slos", RouteAccess.READ),

            Map.entry("POST /api/v1/alerts/alertmanager", RouteAccess.INTAKE),
            Map.entry("POST /api/v1/alerts/pagerduty", RouteAccess.INTAKE),

            Map.entry("POST /api/v1/incidents", RouteAccess.WRITE),
            Map.entry("PATCH /api/v1/incidents/{id}", RouteAccess.WRITE),
            Map.entry("PUT /api/v1/incidents/{id}", RouteAccess.WRITE),
            Map.entry("POST /api/v1/incidents/{id}/{action}", RouteAccess.WRITE),
            Map.entry("POST /api/v1/incidents/{id}/notes", RouteAccess.WRITE),
            Map.entry("POST /api/v1/incidents/{id}/roles", RouteAccess.WRITE),
            Map.entry("POST /api/v1/incidents/{id}/actions", RouteAccess.WRITE),
            Map.entry("PATCH /api/v1/actions/{id}", RouteAccess.WRITE),

            Map.entry("POST /api/v1/incidents/import", RouteAccess.ADMIN));

    private RouteScopes() {
    }

    /** What the route {@code method path} (a path template, as registered) needs, if the table lists it. */
    static Optional<RouteAccess> declared(String method, String path) {
        return Optional.ofNullable(ROUTES.get(method + " " + path));
    }

    /** Every route the table lists, as "METHOD /path/{template}". */
    static Set<String> routes() {
        return ROUTES.keySet();
    }

    /** What a request matched to {@code method path} needs; a route the table forgot needs an admin token. */
    static RouteAccess of(HandlerType method, String path) {
        // HEAD answers from the GET route of the same path and writes nothing.
        String name = method == HandlerType.HEAD ? "GET" : method.name();
        return declared(name, path).orElse(RouteAccess.ADMIN);
    }
}
