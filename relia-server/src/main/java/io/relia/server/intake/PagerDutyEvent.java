package io.relia.server.intake;

import io.relia.incident.intake.AlertEvent;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a PagerDuty Events API v2 alert event ({@code trigger}, {@code acknowledge}, {@code resolve}) into an alert
 * event. Problems are collected the way PagerDuty reports them: a list of messages, answered with 400.
 *
 * <p>Labels: {@code severity} from {@code payload.severity}; {@code service} from {@code custom_details.service},
 * else {@code payload.component}, else {@code payload.source}; plus {@code source}, {@code component},
 * {@code group}, {@code class} and the custom details that are plain values.
 */
public final class PagerDutyEvent {

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final int MAX_SUMMARY = 1024;

    /** The parsed event, or the problems that make it invalid. */
    public record Parsed(Optional<AlertEvent> event, List<String> errors) {
    }

    private PagerDutyEvent() {
    }

    public static Parsed read(JsonNode body) {
        List<String> errors = new ArrayList<>();
        String routingKey = body.path("routing_key").asString("");
        if (routingKey.isBlank()) {
            errors.add("'routing_key' is missing or blank");
        }
        String action = body.path("event_action").asString("");
        AlertEvent.Action kind = switch (action) {
            case "trigger" -> AlertEvent.Action.FIRING;
            case "acknowledge" -> AlertEvent.Action.ACKNOWLEDGED;
            case "resolve" -> AlertEvent.Action.RESOLVED;
            default -> {
                errors.add("'event_action' is \"" + action + "\"; expected trigger, acknowledge or resolve");
                yield null;
            }
        };
        String dedupKey = body.path("dedup_key").asString("").strip();
        if (dedupKey.length() > 255) {
            errors.add("'dedup_key' is longer than 255 characters");
        }
        if (dedupKey.isEmpty() && kind != null && kind != AlertEvent.Action.FIRING) {
            errors.add("'dedup_key' is required to " + action);
        }
        JsonNode payload = body.path("payload");
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        String summary = payload.path("summary").asString("").strip();
        Optional<Instant> timestamp = Optional.empty();
        if (kind == AlertEvent.Action.FIRING) {
            if (!payload.isObject()) {
                errors.add("'payload' is required to trigger");
            } else {
                if (summary.isEmpty()) {
                    errors.add("'payload.summary' is missing or blank");
                } else if (summary.length() > MAX_SUMMARY) {
                    summary = summary.substring(0, MAX_SUMMARY);
                }
                String source = payload.path("source").asString("").strip();
                if (source.isEmpty()) {
                    errors.add("'payload.source' is missing or blank");
                }
                String severity = payload.path("severity").asString("");
                if (!SEVERITIES.contains(severity)) {
                    errors.add("'payload.severity' is \"" + severity + "\"; expected critical, error, warning or info");
                }
                timestamp = timestamp(payload, errors);
                labels.put("source", source);
                labels.put("severity", severity);
                for (String field : List.of("component", "group", "class")) {
                    String value = payload.path(field).asString("").strip();
                    if (!value.isEmpty()) {
                        labels.put(field, value);
                    }
                }
                JsonNode details = payload.path("custom_details");
                if (details.isObject()) {
                    details.properties().forEach(entry -> {
                        if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                            annotations.put(entry.getKey(), entry.getValue().asString());
                        }
                    });
                }
                String service = annotations.getOrDefault("service", labels.getOrDefault("component", source));
                labels.put("service", service);
                annotations.put("summary", summary);
            }
        }
        if (!errors.isEmpty() || kind == null) {
            return new Parsed(Optional.empty(), errors);
        }
        String key = dedupKey.isEmpty() ? UUID.randomUUID().toString().replace("-", "") : dedupKey;
        String link = body.path("client_url").asString("");
        return new Parsed(Optional.of(new AlertEvent(AlertEvent.Source.PAGERDUTY, key, kind,
                summary.isEmpty() ? null : summary, labels, annotations, link, timestamp, Optional.empty())),
                errors);
    }

    /** The routing key, which senders that cannot set a header may use to carry a Relia token. */
    public static String routingKey(JsonNode body) {
        return body.path("routing_key").asString("");
    }

    private static Optional<Instant> timestamp(JsonNode payload, List<String> errors) {
        String text = payload.path("timestamp").asString("").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SenderTime.instant(text));
        } catch (DateTimeException notATime) {
            errors.add("'payload.timestamp' is \"" + SenderTime.shown(text) + "\"; expected an ISO 8601 time from the"
                    + " year " + SenderTime.FIRST_YEAR + " to " + SenderTime.LAST_YEAR);
            return Optional.empty();
        }
    }
}
