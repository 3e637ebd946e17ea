package io.relia.server.intake;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.relia.incident.Incident;
import io.relia.incident.IncidentStore;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.AlertRecord;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.notify.NotificationTarget;
import io.relia.server.ApiError;
import io.relia.server.Auth;
import io.relia.server.Ids;
import io.relia.server.IncidentEvents;
import io.relia.server.Json;
import io.relia.server.ServerPart;
import io.relia.server.ServerSetup;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alert intake: {@code POST /api/v1/alerts/alertmanager} (Alertmanager webhook, version 4) and
 * {@code POST /api/v1/alerts/pagerduty} (PagerDuty Events API v2), plus the alerts linked to an incident. Webhooks
 * are committed in groups by {@link IntakeQueue}; each is answered after its commit. 5xx answers (store
 * unavailable, queue full) are ones both senders retry; 4xx answers are for bodies no retry can fix.
 */
public final class AlertIntake implements ServerPart {

    /** Path of the PagerDuty endpoint, which also accepts a token as its routing key. */
    public static final String PAGERDUTY_PATH = "/api/v1/alerts/pagerduty";
    private static final long COMMIT_WAIT_S = 30;

    private final IncidentStore store;
    private final IncidentEvents events;
    private final IntakeQueue queue;
    private final Counter received;

    public AlertIntake(ServerSetup setup, IncidentEvents events, PrometheusRegistry registry) {
        this.store = setup.store();
        this.events = events;
        this.queue = new IntakeQueue(setup.store(), setup.settings().intake(), setup.clock());
        this.received = Counter.builder()
                .name("relia_alerts_received_total")
                .help("Alert notifications received by relia serve, by sender and what the intake did with them")
                .labelNames("source", "outcome")
                .register(registry);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post("/api/v1/alerts/alertmanager", this::alertmanager);
        config.routes.post(PAGERDUTY_PATH, this::pagerduty);
        config.routes.get("/api/v1/incidents/{id}/alerts", this::alertsOfIncident);
    }

    private void alertmanager(Context ctx) {
        List<AlertEvent> alerts = AlertmanagerWebhook.read(Json.body(ctx));
        List<IntakeOutcome> outcomes = commit(alerts);
        Set<String> opened = new LinkedHashSet<>();
        Set<String> updated = new LinkedHashSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (IntakeOutcome outcome : outcomes) {
            counts.merge(outcome.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            outcome.incident().ifPresent(incident -> (outcome.kind() == IntakeOutcome.Kind.OPENED ? opened : updated)
                    .add(incident.reference()));
        }
        updated.removeAll(opened);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("received", alerts.size());
        body.put("outcomes", counts);
        body.put("opened", List.copyOf(opened));
        body.put("updated", List.copyOf(updated));
        Json.send(ctx, 200, body);
    }

    private void pagerduty(Context ctx) {
        JsonNode body = Json.body(ctx);
        if (ctx.header("Authorization") == null) {
            // Senders that can only fill in PagerDuty's integration key may carry a Relia token there instead.
            Auth.requireToken(ctx, store.tokens(), PagerDutyEvent.routingKey(body));
        }
        PagerDutyEvent.Parsed parsed = PagerDutyEvent.read(body);
        if (parsed.event().isEmpty()) {
            Map<String, Object> invalid = new LinkedHashMap<>();
            invalid.put("status", "invalid event");
            invalid.put("message", "Event object is invalid: " + String.join("; ", parsed.errors()));
            invalid.put("errors", parsed.errors());
            invalid.put("error", 400);
            Json.send(ctx, 400, invalid);
            return;
        }
        commit(List.of(parsed.event().get()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("message", "Event processed");
        answer.put("dedup_key", parsed.event().get().key());
        Json.send(ctx, 202, answer);
    }

    private List<IntakeOutcome> commit(List<AlertEvent> alerts) {
        List<IntakeOutcome> outcomes;
        try {
            outcomes = queue.submit(alerts).get(COMMIT_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "the server is stopping; retry");
        } catch (TimeoutException slow) {
            throw new ApiError(503, "the incident store did not commit within " + COMMIT_WAIT_S + " s; retry");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IntakeQueue.IntakeUnavailable unavailable) {
                throw new ApiError(503, unavailable.getMessage() + "; retry");
            }
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        }
        for (int index = 0; index < outcomes.size(); index++) {
            IntakeOutcome outcome = outcomes.get(index);
            AlertEvent alert = alerts.get(index);
            received.labelValues(alert.source().name().toLowerCase(Locale.ROOT),
                    outcome.kind().name().toLowerCase(Locale.ROOT)).inc();
            publish(outcome, alert);
        }
        return outcomes;
    }

    private void publish(IntakeOutcome outcome, AlertEvent alert) {
        if (outcome.incident().isEmpty()) {
            return;
        }
        Incident incident = outcome.incident().get();
        if (outcome.kind() == IntakeOutcome.Kind.OPENED) {
            events.publish(NotificationTarget.Event.OPENED, incident, "opened by alert " + alert.alertname());
        }
        outcome.raisedFrom().ifPresent(before -> events.publish(NotificationTarget.Event.SEVERITY_CHANGED, incident,
                "severity " + before + " → " + incident.severity() + " (alert " + alert.alertname() + ")"));
    }

    private void alertsOfIncident(Context ctx) {
        long id = Ids.incident(ctx);
        store.get(id);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (AlertRecord alert : store.alerts(id)) {
            alerts.add(json(alert));
        }
        Json.send(ctx, 200, Map.of("alerts", alerts));
    }

    /** One stored alert as the API shows it. */
    static Map<String, Object> json(AlertRecord alert) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", alert.source().name().toLowerCase(Locale.ROOT));
        row.put("fingerprint", alert.key());
        row.put("status", alert.firing() ? "firing" : "resolved");
        row.put("alertname", alert.alertname());
        row.put("group", alert.groupKey());
        row.put("labels", alert.labels());
        row.put("annotations", alert.annotations());
        row.put("startsAt", alert.startsAt().map(Instant::toString).orElse(null));
        row.put("endsAt", alert.endsAt().map(Instant::toString).orElse(null));
        row.put("generatorURL", alert.generatorUrl());
        row.put("firstReceivedAt", alert.firstReceived().toString());
        row.put("lastReceivedAt", alert.lastReceived().toString());
        row.put("receiveCount", alert.receiveCount());
        return row;
    }

    @Override
    public void close() {
        queue.close();
    }
}
