package io.relia.server.client;

import io.relia.incident.ActionItem;
import io.relia.incident.ApiTokens;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The incident store behind a {@code relia serve}: what {@code relia incident --server URL} uses, so every incident
 * and action command works against a server unchanged. An edit is a compare-and-set: read the incident with its
 * ETag, apply the command's pure lifecycle function here, PUT it back with {@code If-Match}; when someone changed it
 * meanwhile (412) read again and re-apply, a bounded number of times. The actor travels in {@code X-Relia-Actor};
 * 4xx answers become {@link IncidentException} (exit 2) with the server's message, unreachable servers and 5xx
 * {@link StoreException} (exit 3).
 */
public final class RemoteIncidentStore implements IncidentStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Compare-and-set attempts before giving up on a busy incident. */
    static final int MAX_ATTEMPTS = 10;

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RemoteIncidentStore(URI base, String token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
    }

    private record Answer(int status, JsonNode body, Optional<String> etag) {
    }

    private Answer call(String method, String path, Object body, String actor, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (actor != null && !actor.isBlank()) {
            request.header("X-Relia-Actor", actor);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new StoreException("relia serve at " + base + " is unreachable: " + unreachable.getMessage(),
                    unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while calling " + base, interrupted);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            json = JSON.createObjectNode();
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new StoreException("relia serve at " + base + " answered " + status + ": "
                    + json.path("message").asString(""), null);
        }
        if (status >= 400 && status != 412) {
            throw new IncidentException(json.path("message").asString("relia serve answered " + status));
        }
        return new Answer(status, json, response.headers().firstValue("ETag"));
    }

    @Override
    public Incident create(Incident draft, String actor, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("severity", draft.severity().name());
        Answer created = call("POST", "/api/v1/incidents", body, actor, null);
        long id = created.body().path("incident").path("id").asLong();
        // Everything else the draft carries (services, labels, times, roles…) goes in one compare-and-set.
        return change(id, actor, at, stored -> draft.withId(id));
    }

    @Override
    public Incident importIncident(Incident draft, List<ActionItem> actions, String actor, String source) {
        throw new IncidentException("imports run on the server host (relia incident import), not through --server");
    }

    @Override
    public Incident change(long id, String actor, Instant at, UnaryOperator<Incident> edit) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Answer read = call("GET", "/api/v1/incidents/" + id, null, actor, null);
            Incident before = IncidentJsonReader.incident(read.body().path("incident"));
            Incident after = edit.apply(before);
            if (after.equals(before)) {
                return before;
            }
            Answer written = call("PUT", "/api/v1/incidents/" + id, Map.of("incident",
                    IncidentJson.incident(after, io.relia.incident.IncidentPolicy.DEFAULT, at)), actor,
                    read.etag().orElseThrow(() -> new StoreException("relia serve sent no ETag; is it older than"
                            + " this client?", null)));
            if (written.status() != 412) {
                return IncidentJsonReader.incident(written.body().path("incident"));
            }
        }
        throw new IncidentException("INC-" + id + " kept changing under this edit; try again");
    }

    @Override
    public TimelineEntry note(long id, String actor, Instant at, TimelineEntry.Kind kind, String text) {
        if (kind != TimelineEntry.Kind.NOTE) {
            text = "[" + kind.label() + "] " + text;
        }
        Answer answer = call("POST", "/api/v1/incidents/" + id + "/notes", Map.of("text", text, "at", at.toString()),
                actor, null);
        return IncidentJsonReader.entry(answer.body().path("entry"), id);
    }

    @Override
    public Optional<Incident> find(long id) {
        try {
            return Optional.of(IncidentJsonReader.incident(call("GET", "/api/v1/incidents/" + id, null, null, null)
                    .body().path("incident")));
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
        JsonNode body = call("GET", path.toString(), null, null, null).body();
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
        call("GET", "/api/v1/incidents/" + id + "/timeline", null, null, null).body().path("timeline")
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
        return IncidentJsonReader.action(call("POST", "/api/v1/incidents/" + draft.incidentId() + "/actions", body,
                actor, null).body().path("actionItem"));
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
        return IncidentJsonReader.action(call("PATCH", "/api/v1/actions/" + id, body, actor, null).body()
                .path("actionItem"));
    }

    @Override
    public List<ActionItem> actions(Optional<Long> incidentId) {
        List<ActionItem> items = new ArrayList<>();
        call("GET", "/api/v1/actions" + incidentId.map(id -> "?incident=" + id).orElse(""), null, null, null)
                .body().path("actionItems").forEach(item -> items.add(IncidentJsonReader.action(item)));
        return items;
    }

    @Override
    public List<IntakeOutcome> ingest(List<AlertEvent> events, IntakeRules rules, Instant at) {
        throw new IncidentException("alerts go to relia serve's intake endpoints, not through --server");
    }

    @Override
    public List<AlertRecord> alerts(long incidentId) {
        return List.of();
    }

    @Override
    public ApiTokens tokens() {
        throw new IncidentException("tokens are created on the server host with relia token create");
    }

    @Override
    public boolean ping() {
        try {
            return call("GET", "/ready", null, null, null).status() == 200;
        } catch (StoreException | IncidentException down) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
