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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alert intake: {@code POST /api/v1/alerts/alertmanager} (Alertmanager webhook, version 4) and
 * {@code POST /api/v1/alerts/pagerduty} (PagerDuty Events API v2), plus the alerts linked to an incident. Webhooks
 * are committed in groups by {@link IntakeQueue}; each is answered after its commit. 5xx answers (store
 * unavailable, queue full) are ones both senders retry; 4xx answers are for bodies no retry can fix. An alert no retry
 * can fix (a bad field, or one the store refuses) is skipped and listed in the answer while the webhook's other
 * alerts are stored; only a webhook of which nothing can be stored is a 400.
 */
public final class AlertIntake implements ServerPart {

    /** Path of the Alertmanager endpoint, whose body limit is larger than the other routes'. */
    public static final String ALERTMANAGER_PATH = "/api/v1/alerts/alertmanager";
    /** Path of the PagerDuty endpoint, which also accepts a token as its routing key. */
    public static final String PAGERDUTY_PATH = "/api/v1/alerts/pagerduty";
    private static final long COMMIT_WAIT_S = 30;
    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);

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
        config.routes.post(ALERTMANAGER_PATH, this::alertmanager);
        config.routes.post(PAGERDUTY_PATH, this::pagerduty);
        config.routes.get("/api/v1/incidents/{id}/alerts", this::alertsOfIncident);
    }

    private void alertmanager(Context ctx) {
        AlertmanagerWebhook.Parsed webhook = AlertmanagerWebhook.read(Json.body(ctx));
        List<AlertmanagerWebhook.Alert> alerts = webhook.alerts();
        List<IntakeQueue.Result> results = commit(webhook.events());
        List<SkippedAlert> skipped = new ArrayList<>(webhook.skipped());
        Set<String> opened = new LinkedHashSet<>();
        Set<String> updated = new LinkedHashSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int index = 0; index < results.size(); index++) {
            IntakeQueue.Result result = results.get(index);
            if (result.outcome().isEmpty()) {
                skipped.add(new SkippedAlert(alerts.get(index).index(), alerts.get(index).event().key(),
                        alerts.get(index).event().alertname(), result.refusal()));
                continue;
            }
            IntakeOutcome outcome = result.outcome().get();
            counts.merge(outcome.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            outcome.incident().ifPresent(incident -> (outcome.kind() == IntakeOutcome.Kind.OPENED ? opened : updated)
                    .add(incident.reference()));
        }
        skipped.sort(Comparator.comparingInt(SkippedAlert::index));
        boolean anyStored = !counts.isEmpty();
        if (!skipped.isEmpty()) {
            reportSkipped(ctx, skipped, counts);
        }
        if (!anyStored && !skipped.isEmpty()) {
            // Nothing stored and no retry can help: a 400 shows as a failed notification in Alertmanager.
            throw new ApiError(400, skipped.size() == 1 ? skipped.getFirst().reason() : "none of the "
                    + skipped.size() + " alerts can be stored: " + skipped.getFirst().reason() + " (and "
                    + (skipped.size() - 1) + " more)");
        }
        updated.removeAll(opened);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("received", alerts.size() + webhook.skipped().size());
        body.put("outcomes", counts);
        body.put("opened", List.copyOf(opened));
        body.put("updated", List.copyOf(updated));
        if (!skipped.isEmpty()) {
            body.put("skipped", skipped.stream().map(SkippedAlert::json).toList());
        }
        Json.send(ctx, 200, body);
    }

    /** Counts the skipped alerts and logs them once per webhook (the first few reasons). */
    private void reportSkipped(Context ctx, List<SkippedAlert> skipped, Map<String, Integer> counts) {
        counts.put("skipped", skipped.size());
        received.labelValues("alertmanager", "skipped").inc(skipped.size());
        LOG.atWarn().addKeyValue("actor", Auth.actor(ctx)).addKeyValue("skipped", skipped.size())
                .log("alerts of a webhook skipped: {}", String.join("; ", skipped.stream().limit(3)
                        .map(SkippedAlert::reason).toList()) + (skipped.size() > 3 ? "; …" : ""));
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
        IntakeQueue.Result result = commit(List.of(parsed.event().get())).getFirst();
        if (result.outcome().isEmpty()) {
            received.labelValues("pagerduty", "skipped").inc();
            Map<String, Object> invalid = new LinkedHashMap<>();
            invalid.put("status", "invalid event");
            invalid.put("message", "Event object is invalid: " + result.refusal());
            invalid.put("errors", List.of(result.refusal()));
            invalid.put("error", 400);
            Json.send(ctx, 400, invalid);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("message", "Event processed");
        answer.put("dedup_key", parsed.event().get().key());
        Json.send(ctx, 202, answer);
    }

    private List<IntakeQueue.Result> commit(List<AlertEvent> alerts) {
        List<IntakeQueue.Result> results;
        try {
            results = queue.submit(alerts).get(COMMIT_WAIT_S, TimeUnit.SECONDS);
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
        for (int index = 0; index < results.size(); index++) {
            AlertEvent alert = alerts.get(index);
            Optional<IntakeOutcome> outcome = results.get(index).outcome();
            if (outcome.isPresent()) {
                received.labelValues(alert.source().name().toLowerCase(Locale.ROOT),
                        outcome.get().kind().name().toLowerCase(Locale.ROOT)).inc();
                publish(outcome.get(), alert);
            }
        }
        return results;
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
