package io.relia.server.client;

import io.relia.incident.ActionItem;
import io.relia.incident.ApiTokens;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.AlertRecord;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.store.StoreException;
import io.relia.incident.view.IncidentJson;
import io.relia.incident.view.IncidentJsonReader;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The incident store behind a {@code relia serve}: what {@code relia incident --server URL} uses, so every incident
 * and action command works against a server unchanged. An edit is a compare-and-set: read the incident with its
 * ETag, apply the command's pure lifecycle function here, PUT it back with {@code If-Match} and the command's time
 * ({@code at}, so the timeline says when it happened, not when the server heard of it); when someone changed it
 * meanwhile (412) read again and re-apply, a bounded number of times. The server checks the lifecycle rules. The
 * actor travels in {@code X-Relia-Actor}; 4xx answers become {@link IncidentException} (exit 2) with the server's
 * message, unreachable servers and 5xx {@link StoreException} (exit 3).
 */
public final class RemoteIncidentStore implements IncidentStore {

    /** Compare-and-set attempts before giving up on a busy incident. */
    static final int MAX_ATTEMPTS = 10;
    /** First pause after a lost compare-and-set, ms; it doubles per attempt (up to 1.6 s), with full jitter. */
    static final long BACKOFF_MS = 25;

    private final ServerConnection server;

    /** A store behind the server at {@code base} ({@code http://127.0.0.1:8080}), calling it with {@code token}. */
    public RemoteIncidentStore(URI base, String token) {
        this.server = new ServerConnection(base, token);
    }

    /** The server's response targets and postmortem rule, so the CLI shows what the server enforces. */
    public IncidentPolicy policy() {
        return IncidentJsonReader.policy(server.call("GET", "/api/v1/policy", null, null, null).body());
    }

    @Override
    public Incident create(Incident draft, String actor, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("severity", draft.severity().name());
        body.put("summary", draft.summary());
        body.put("services", draft.services());
        body.put("labels", draft.labels());
        body.put("alerts", draft.alerts());
        body.put("slos", draft.slos());
        body.put("drill", draft.drill());
        Map<String, String> roles = new LinkedHashMap<>();
        draft.roles().forEach((role, person) -> roles.put(role.label(), person));
        body.put("roles", roles);
        body.put("declared", at.toString());
        body.put("detected", draft.times().detected().toString());
        draft.times().impactStartedAt().ifPresent(impact -> body.put("impactStarted", impact.toString()));
        Incident created = IncidentJsonReader.incident(server.call("POST", "/api/v1/incidents", body, actor, null)
                .body().path("incident"));
        long id = created.id();
        // The declaration carries what people declare with; anything else a draft holds follows as one edit.
        return created.equals(draft.withId(id)) ? created : change(id, actor, at, stored -> draft.withId(id));
    }

    @Override
    public Incident importIncident(Incident draft, List<ActionItem> actions, String actor, String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidents", List.of(HistoryForm.entry(draft, actions)));
        body.put("source", source);
        JsonNode imported = server.call("POST", "/api/v1/incidents/import", body, actor, null).body().path("imported");
        if (imported.size() != 1) {
            throw new StoreException("relia serve at " + server.base() + " imported " + imported.size()
                    + " incidents for one", null);
        }
        return IncidentJsonReader.incident(imported.get(0));
    }

    @Override
    public Incident change(long id, String actor, Instant at, UnaryOperator<Incident> edit) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ServerConnection.Answer read = server.call("GET", "/api/v1/incidents/" + id, null, actor, null);
            Incident before = IncidentJsonReader.incident(read.body().path("incident"));
            Incident after = edit.apply(before);
            if (after.equals(before)) {
                return before;
            }
            ServerConnection.Answer written = server.call("PUT", "/api/v1/incidents/" + id, Map.of("incident",
                    IncidentJson.incident(after, IncidentPolicy.DEFAULT, at), "at", at.toString()), actor,
                    read.etag().orElseThrow(() -> new StoreException("relia serve sent no ETag; is it older than"
                            + " this client?", null)));
            if (written.status() != 412) {
                return IncidentJsonReader.incident(written.body().path("incident"));
            }
            if (attempt < MAX_ATTEMPTS) {
                pause(attempt);
            }
        }
        throw new IncidentException("INC-" + id + " kept changing under this edit; try again");
    }

    /** Sleeps before compare-and-set attempt {@code attempt + 1}: exponential backoff with full jitter. */
    private static void pause(int attempt) {
        long ceiling = BACKOFF_MS << Math.min(attempt - 1, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying an edit", interrupted);
        }
    }

    @Override
    public TimelineEntry note(long id, String actor, Instant at, TimelineEntry.Kind kind, String text) {
        if (kind != TimelineEntry.Kind.NOTE && kind != TimelineEntry.Kind.RUNBOOK) {
            throw new IncidentException("only notes and runbook steps are written through --server, not " + kind
                    .label() + " entries");
        }
        ServerConnection.Answer answer = server.call("POST", "/api/v1/incidents/" + id + "/notes",
                Map.of("text", text, "at", at.toString(), "kind", kind.label()), actor, null);
        return IncidentJsonReader.entry(answer.body().path("entry"), id);
    }

    @Override
    public Optional<Incident> find(long id) {
        try {
            return Optional.of(IncidentJsonReader.incident(server.call("GET", "/api/v1/incidents/" + id, null, null,
                    null).body().path("incident")));
        } catch (IncidentException missing) {
            if (missing.getMessage().startsWith("no incident")) {
                return Optional.empty();
            }
            throw missing;
        }
    }

    @Override
    public List<Incident> list(IncidentQuery query) {
        StringBuilder path = new StringBuilder("/api/v1/incidents?limit=" + Math.min(query.limit(), 10_000));
        if (!query.openOnly()) {
            path.append("&all=true");
        }
        query.status().ifPresent(status -> path.append("&status=").append(status.label()));
        query.severity().ifPresent(severity -> path.append("&severity=").append(severity.name()));
        query.service().ifPresent(service -> path.append("&service=").append(URLEncoder.encode(service,
                StandardCharsets.UTF_8)));
        JsonNode body = server.call("GET", path.toString(), null, null, null).body();
        JsonNode items = body.has("incidents") ? body.get("incidents") : body;
        List<Incident> incidents = new ArrayList<>();
        items.forEach(item -> {
            Incident incident = IncidentJsonReader.incident(item);
            if (query.since().map(since -> !incident.times().declared().isBefore(since)).orElse(true)) {
                incidents.add(incident);
            }
        });
        return incidents;
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        List<TimelineEntry> entries = new ArrayList<>();
        server.call("GET", "/api/v1/incidents/" + id + "/timeline", null, null, null).body().path("timeline")
                .forEach(entry -> entries.add(IncidentJsonReader.entry(entry, id)));
        return entries;
    }

    @Override
    public ActionItem addAction(ActionItem draft, String actor, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("type", draft.type().label());
        body.put("owner", draft.owner());
        body.put("priority", draft.priority().name());
        body.put("due", draft.due() == null ? null : draft.due().toString());
        body.put("link", draft.link());
        return IncidentJsonReader.action(server.call("POST", "/api/v1/incidents/" + draft.incidentId() + "/actions",
                body, actor, null).body().path("actionItem"));
    }

    @Override
    public ActionItem changeAction(long id, String actor, Instant at, UnaryOperator<ActionItem> edit) {
        ActionItem before = actions(Optional.empty()).stream().filter(item -> item.id() == id).findFirst()
                .orElseThrow(() -> new IncidentException("no action item ACT-" + id));
        ActionItem after = edit.apply(before);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", after.status().label());
        body.put("owner", after.owner());
        body.put("priority", after.priority().name());
        body.put("due", after.due() == null ? null : after.due().toString());
        body.put("link", after.link());
        return IncidentJsonReader.action(server.call("PATCH", "/api/v1/actions/" + id, body, actor, null).body()
                .path("actionItem"));
    }

    @Override
    public List<ActionItem> actions(Optional<Long> incidentId) {
        List<ActionItem> items = new ArrayList<>();
        server.call("GET", "/api/v1/actions" + incidentId.map(id -> "?incident=" + id).orElse(""), null, null, null)
                .body().path("actionItems").forEach(item -> items.add(IncidentJsonReader.action(item)));
        return items;
    }

    @Override
    public List<IntakeOutcome> ingest(List<AlertEvent> events, IntakeRules rules, Instant at) {
        throw new IncidentException("alerts go to relia serve's intake endpoints, not through --server");
    }

    @Override
    public List<AlertRecord> alerts(long incidentId) {
        List<AlertRecord> alerts = new ArrayList<>();
        server.call("GET", "/api/v1/incidents/" + incidentId + "/alerts", null, null, null).body().path("alerts")
                .forEach(alert -> alerts.add(alert(alert, incidentId)));
        return alerts;
    }

    /** Reads what {@code GET /api/v1/incidents/{id}/alerts} writes for one alert (it carries no row id). */
    private static AlertRecord alert(JsonNode json, long incidentId) {
        return new AlertRecord(0, incidentId, AlertEvent.Source.valueOf(json.path("source").asString()
                .toUpperCase(Locale.ROOT)), json.path("fingerprint").asString(), "firing".equals(json.path("status")
                .asString()), json.path("alertname").asString(), json.path("group").asString(""),
                strings(json.path("labels")), strings(json.path("annotations")), json.path("generatorURL").asString(""),
                optionalTime(json.path("startsAt")), optionalTime(json.path("endsAt")),
                Instant.parse(json.path("firstReceivedAt").asString()),
                Instant.parse(json.path("lastReceivedAt").asString()), json.path("receiveCount").asLong());
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }

    private static Optional<Instant> optionalTime(JsonNode text) {
        return text.isString() ? Optional.of(Instant.parse(text.asString())) : Optional.empty();
    }

    @Override
    public ApiTokens tokens() {
        throw new IncidentException("tokens are created on the server host with relia token create");
    }

    @Override
    public boolean ping() {
        try {
            return server.call("GET", "/ready", null, null, null).status() == 200;
        } catch (StoreException | IncidentException down) {
            return false;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
