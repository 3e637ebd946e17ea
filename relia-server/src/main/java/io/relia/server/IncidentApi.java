package io.relia.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.relia.core.Problem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentStore;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;
import io.relia.incident.history.HistoricIncident;
import io.relia.incident.history.IncidentHistory;
import io.relia.incident.history.IncidentHistoryFile;
import io.relia.incident.notify.NotificationTarget;
import io.relia.incident.view.IncidentJson;
import io.relia.incident.view.IncidentViews;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The incident endpoints under {@code /api/v1/incidents}: what {@code relia incident} does, over HTTP. */
final class IncidentApi implements ServerPart {

    private static final Set<String> IMPORT_FIELDS = Set.of("incidents", "skipExisting", "source");

    private final IncidentStore store;
    private final IncidentPolicy policy;
    private final IncidentEvents events;

    IncidentApi(ServerSetup setup, IncidentEvents events) {
        this.store = setup.store();
        this.policy = setup.policy();
        this.events = events;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/incidents", this::list);
        config.routes.post("/api/v1/incidents", this::create);
        config.routes.post("/api/v1/incidents/import", this::importHistory);
        config.routes.get("/api/v1/incidents/{id}", this::show);
        config.routes.post("/api/v1/incidents/{id}/notes", this::note);
        config.routes.post("/api/v1/incidents/{id}/roles", this::assign);
        config.routes.post("/api/v1/incidents/{id}/{action}", this::transition);
    }

    void list(Context ctx) {
        IncidentQuery query = IncidentQuery.ALL.openOnly(!"true".equals(ctx.queryParam("all"))
                && ctx.queryParam("status") == null).limit(limit(ctx.queryParam("limit")));
        if (ctx.queryParam("status") != null) {
            query = query.withStatus(IncidentStatus.parse(ctx.queryParam("status")));
        }
        if (ctx.queryParam("severity") != null) {
            query = query.withSeverity(IncidentSeverity.parse(ctx.queryParam("severity")));
        }
        if (ctx.queryParam("service") != null) {
            query = query.withService(ctx.queryParam("service"));
        }
        Json.send(ctx, 200, IncidentViews.list(store.list(query), policy, Instant.now()).data());
    }

    void show(Context ctx) {
        long id = Ids.incident(ctx);
        Incident incident = store.get(id);
        ctx.header("ETag", Ids.etag(incident));
        Json.send(ctx, 200, IncidentViews.detail(incident, store.timeline(id), store.actions(Optional.of(id)), policy,
                Instant.now()).data());
    }

    void create(Context ctx) {
        JsonNode body = Json.body(ctx);
        Instant now = Instant.now();
        String title = Json.text(body, "title").orElseThrow(() -> new ApiError(400, "\"title\" is required"));
        Instant declared = time(body, "declared").orElse(now);
        Incident draft = Incident.declare(title, IncidentSeverity.parse(Json.text(body, "severity").orElse("SEV3")),
                        declared)
                .withSummary(Json.text(body, "summary").orElse(""))
                .withServices(Json.texts(body, "services"))
                .withLabels(Json.textMap(body, "labels"))
                .withAlerts(Json.texts(body, "alerts"))
                .withSlos(Json.texts(body, "slos"))
                .withDrill(Json.bool(body, "drill"));
        for (Map.Entry<String, String> role : Json.textMap(body, "roles").entrySet()) {
            draft = draft.withRole(Role.parse(role.getKey()), role.getValue());
        }
        Optional<String> commander = Json.text(body, "commander");
        if (commander.isPresent()) {
            draft = draft.withRole(Role.INCIDENT_COMMANDER, commander.get());
        }
        Optional<Instant> detected = time(body, "detected");
        if (detected.isPresent()) {
            draft = draft.withDetected(detected.get());
        }
        Optional<Instant> impact = time(body, "impactStarted");
        if (impact.isPresent()) {
            draft = draft.withImpactStarted(impact.get());
        }
        Incident created = store.create(draft, Auth.actor(ctx), declared);
        events.publish(NotificationTarget.Event.OPENED, created, "declared by " + Auth.actor(ctx));
        ctx.header("Location", "/api/v1/incidents/" + created.id());
        Json.send(ctx, 201, Map.of("incident", IncidentJson.incident(created, policy, now)));
    }

    void transition(Context ctx) {
        JsonNode body = Json.body(ctx);
        Instant now = Instant.now();
        Instant at = time(body, "at").orElse(now);
        UnaryOperator<Incident> edit = switch (ctx.pathParam("action")) {
            case "ack" -> incident -> incident.acknowledge(at);
            case "mitigate" -> incident -> incident.mitigate(at);
            case "resolve" -> incident -> {
                Incident next = incident;
                Optional<String> rootCause = Json.text(body, "rootCause");
                Optional<String> resolution = Json.text(body, "resolution");
                if (rootCause.isPresent()) {
                    next = next.withAnalysis(next.analysis().withRootCause(rootCause.get()));
                }
                if (resolution.isPresent()) {
                    next = next.withAnalysis(next.analysis().withResolution(resolution.get()));
                }
                return next.resolve(at);
            };
            case "close" -> incident -> incident.close(at);
            case "reopen" -> Incident::reopen;
            default -> throw new ApiError(404, "no action \"" + ctx.pathParam("action")
                    + "\"; expected ack, mitigate, resolve, close or reopen");
        };
        Incident changed = store.change(Ids.incident(ctx), Auth.actor(ctx), at, edit);
        if ("resolve".equals(ctx.pathParam("action"))) {
            events.publish(NotificationTarget.Event.RESOLVED, changed, "resolved by " + Auth.actor(ctx));
        }
        Json.send(ctx, 200, Map.of("incident", IncidentJson.incident(changed, policy, now)));
    }

    void note(Context ctx) {
        JsonNode body = Json.body(ctx);
        String text = Json.text(body, "text").orElseThrow(() -> new ApiError(400, "\"text\" is required"));
        TimelineEntry.Kind kind = switch (Json.text(body, "kind").orElse("note")) {
            case "note" -> TimelineEntry.Kind.NOTE;
            case "runbook" -> TimelineEntry.Kind.RUNBOOK;
            default -> throw new ApiError(400, "\"kind\" must be note or runbook");
        };
        TimelineEntry entry = store.note(Ids.incident(ctx), Auth.actor(ctx), time(body, "at").orElse(Instant.now()),
                kind, text);
        Json.send(ctx, 201, Map.of("entry", IncidentJson.entry(entry)));
    }

    /**
     * Past incidents in the incident-history form ({@code schemas/incident-history.schema.json}), as
     * {@code relia incident import} reads them: all are validated first and nothing is stored when any has an error;
     * then each incident is one transaction.
     */
    void importHistory(Context ctx) {
        JsonNode body = Json.body(ctx);
        body.propertyNames().forEach(field -> {
            if (!IMPORT_FIELDS.contains(field)) {
                throw new ApiError(400, "unknown field \"" + field + "\"; expected incidents, skipExisting or source");
            }
        });
        JsonNode entries = body.get("incidents");
        if (entries == null || !entries.isArray()) {
            throw new ApiError(400, "\"incidents\" must be an array of incidents in the incident-history form"
                    + " (schemas/incident-history.schema.json)");
        }
        IncidentHistory history = IncidentHistoryFile.parse(Path.of("incidents.json"),
                "{\"incidents\": " + entries + "}");
        List<String> errors = history.problems().stream().filter(Problem::isError).map(Problem::format).toList();
        if (!errors.isEmpty()) {
            throw new ApiError(400, "nothing imported: " + String.join("; ", errors));
        }
        boolean skipExisting = Json.bool(body, "skipExisting");
        String source = Json.text(body, "source").filter(text -> !text.isBlank()).orElse("the API");
        Set<String> existing = new HashSet<>();
        if (skipExisting) {
            store.list(IncidentQuery.ALL).forEach(incident -> existing.add(importKey(incident)));
        }
        Instant now = Instant.now();
        List<Map<String, Object>> imported = new ArrayList<>();
        int skipped = 0;
        for (HistoricIncident historic : history.incidents()) {
            if (skipExisting && existing.contains(importKey(historic.incident()))) {
                skipped++;
                continue;
            }
            Incident stored = store.importIncident(historic.incident(), historic.actionItems(), Auth.actor(ctx),
                    source);
            imported.add(IncidentJson.incident(stored, policy, now));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("imported", imported);
        answer.put("skipped", skipped);
        Json.send(ctx, 200, answer);
    }

    /** Same title, same declaration time: the incident a re-run of an import would bring in twice. */
    private static String importKey(Incident incident) {
        return incident.title() + "\u0000" + incident.times().declared().toEpochMilli();
    }

    void assign(Context ctx) {
        JsonNode body = Json.body(ctx);
        Role role = Role.parse(Json.text(body, "role").orElseThrow(() -> new ApiError(400, "\"role\" is required")));
        String person = Json.text(body, "person").orElse("");
        Instant now = Instant.now();
        Incident changed = store.change(Ids.incident(ctx), Auth.actor(ctx), now,
                incident -> incident.withRole(role, person));
        Json.send(ctx, 200, Map.of("incident", IncidentJson.incident(changed, policy, now)));
    }

    private static int limit(String text) {
        if (text == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit > 0 && limit <= 10_000) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiError(400, "limit must be a number from 1 to 10000");
    }

    static Optional<Instant> time(JsonNode body, String field) {
        return Json.text(body, field).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notATime) {
                throw new ApiError(400, "\"" + field + "\" must be an RFC 3339 time such as 2026-11-23T10:05:00Z");
            }
        });
    }

    /** Liveness and readiness bodies. */
    static Map<String, Object> status(String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        return body;
    }
}
