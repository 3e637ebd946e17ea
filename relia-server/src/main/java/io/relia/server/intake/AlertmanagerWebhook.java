package io.relia.server.intake;

import io.relia.incident.intake.AlertEvent;
import io.relia.server.ApiError;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an Alertmanager webhook body (version 4) into alert events. Tolerant as Alertmanager's own receivers must
 * be: unknown fields are ignored (v0.33 added {@code notification_reason} and v0.34 {@code routeLabels} without a
 * version change), and an alert without a {@code fingerprint} (a hand-written sender) gets one from its labels.
 * What cannot be an alert is refused with a 400 naming the field, which Alertmanager does not retry.
 */
public final class AlertmanagerWebhook {

    /** Go's zero time, which Alertmanager sends as the end of a firing alert. */
    private static final int GO_ZERO_YEAR = 1;

    private AlertmanagerWebhook() {
    }

    /** The events in {@code body}, in order; an {@link ApiError} 400 for a body that is not a webhook. */
    public static List<AlertEvent> read(JsonNode body) {
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !"4".equals(version.asString(""))) {
            throw new ApiError(400, "unsupported Alertmanager webhook version \"" + version.asString("")
                    + "\"; expected \"4\"");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new ApiError(400, "\"alerts\" must be an array (an Alertmanager webhook, version 4)");
        }
        Map<String, String> commonAnnotations = strings(body, "commonAnnotations", "commonAnnotations");
        List<AlertEvent> events = new ArrayList<>(alerts.size());
        for (int index = 0; index < alerts.size(); index++) {
            events.add(alert(alerts.get(index), "alerts[" + index + "]", commonAnnotations));
        }
        return events;
    }

    private static AlertEvent alert(JsonNode alert, String where, Map<String, String> commonAnnotations) {
        if (!alert.isObject()) {
            throw new ApiError(400, where + " must be an object");
        }
        Map<String, String> labels = strings(alert, "labels", where + ".labels");
        if (labels.isEmpty()) {
            throw new ApiError(400, where + ".labels must name the alert (at least alertname)");
        }
        Map<String, String> annotations = new LinkedHashMap<>(commonAnnotations);
        annotations.putAll(strings(alert, "annotations", where + ".annotations"));
        String status = alert.path("status").asString("");
        AlertEvent.Action action = switch (status) {
            case "firing" -> AlertEvent.Action.FIRING;
            case "resolved" -> AlertEvent.Action.RESOLVED;
            default -> throw new ApiError(400, where + ".status is \"" + status + "\"; expected firing or resolved");
        };
        String fingerprint = alert.path("fingerprint").asString("").strip();
        if (fingerprint.isEmpty()) {
            fingerprint = fingerprint(labels);
        } else if (fingerprint.length() > AlertEvent.MAX_KEY) {
            throw new ApiError(400, where + ".fingerprint is longer than " + AlertEvent.MAX_KEY + " characters");
        }
        return new AlertEvent(AlertEvent.Source.ALERTMANAGER, fingerprint, action, labels.get("alertname"), labels,
                annotations, alert.path("generatorURL").asString(""), time(alert, "startsAt", where),
                time(alert, "endsAt", where));
    }

    /** A stable identity for a label set: SHA-256 over the sorted label pairs, hex, first 16 bytes. */
    static String fingerprint(Map<String, String> labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(labels).forEach((name, value) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0xff);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0xff);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, String> strings(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new ApiError(400, where + " must be an object of strings");
        }
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new ApiError(400, where + "." + entry.getKey() + " must be a string");
            }
            values.put(entry.getKey(), value.asString());
        });
        return values;
    }

    private static Optional<Instant> time(JsonNode alert, String field, String where) {
        String text = alert.path(field).asString("").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return time.getYear() <= GO_ZERO_YEAR ? Optional.empty() : Optional.of(time.toInstant());
        } catch (DateTimeParseException notATime) {
            throw new ApiError(400, where + "." + field + " is \"" + text + "\"; expected an RFC 3339 time");
        }
    }
}
