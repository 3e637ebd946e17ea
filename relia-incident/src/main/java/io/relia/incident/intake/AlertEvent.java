package io.relia.incident.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert notification as a sender reported it, in the sender-neutral form the intake stores: an Alertmanager
 * alert (firing or resolved) or a PagerDuty Events v2 event (trigger, acknowledge, resolve).
 *
 * @param source       who sent it
 * @param key          the sender's identity of the alert: Alertmanager {@code fingerprint}, PagerDuty {@code dedup_key}
 * @param action       what happened to it
 * @param alertname    the alert's name (Alertmanager {@code alertname} label; PagerDuty {@code payload.summary})
 * @param labels       identifying labels (grouping and severity read these)
 * @param annotations  descriptive text: summary, description, runbook_url…
 * @param generatorUrl backlink to where it was computed (Prometheus graph, PagerDuty client_url), may be empty
 * @param startsAt     when the sender says it started firing, if known
 * @param endsAt       when it stopped, for resolved alerts, if known
 */
public record AlertEvent(Source source, String key, Action action, String alertname, Map<String, String> labels,
                         Map<String, String> annotations, String generatorUrl, Optional<Instant> startsAt,
                         Optional<Instant> endsAt) {

    /** Longest stored alert key (PagerDuty allows 255). */
    public static final int MAX_KEY = 300;

    /** Senders. */
    public enum Source { ALERTMANAGER, PAGERDUTY }

    /** What the notification says. */
    public enum Action { FIRING, RESOLVED, ACKNOWLEDGED }

    public AlertEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("an alert key must have 1 to " + MAX_KEY + " characters");
        }
        alertname = alertname == null || alertname.isBlank() ? "unnamed alert" : alertname.strip();
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
