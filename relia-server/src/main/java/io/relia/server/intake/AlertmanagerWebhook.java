package io.relia.server.intake;

import io.relia.incident.intake.AlertEvent;
import io.relia.server.ApiError;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * An alert with a bad field is skipped, with a reason naming the field, and the others are read: Alertmanager does
 * not retry a 4xx, so refusing the whole webhook would lose its good alerts. A body that is not a webhook at all is
 * an {@link ApiError} 400 naming the field.
 */
public final class AlertmanagerWebhook {

    /** Go's zero time, which Alertmanager sends as the end of a firing alert. */
    private static final int GO_ZERO_YEAR = 1;

    /** An alert of the webhook that can be stored, with its position in {@code alerts}. */
    record Alert(int index, AlertEvent event) {
    }

    /**
     * What a webhook holds.
     *
     * @param alerts  the alerts that can be stored, in order
     * @param skipped the alerts that cannot, with the reason
     */
    record Parsed(List<Alert> alerts, List<SkippedAlert> skipped) {

        Parsed {
            alerts = List.copyOf(alerts);
            skipped = List.copyOf(skipped);
        }

        List<AlertEvent> events() {
            return alerts.stream().map(Alert::event).toList();
        }
    }

    private AlertmanagerWebhook() {
    }

    /** The alerts in {@code body}; an {@link ApiError} 400 for a body that is not a webhook. */
    static Parsed read(JsonNode body) {
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !"4".equals(version.asString(""))) {
            throw new ApiError(400, "unsupported Alertmanager webhook version \"" + SenderTime.shown(
                    version.asString("")) + "\"; expected \"4\"");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new ApiError(400, "\"alerts\" must be an array (an Alertmanager webhook, version 4)");
        }
        Map<String, String> commonAnnotations = strings(body, "commonAnnotations", "commonAnnotations");
        List<Alert> events = new ArrayList<>(alerts.size());
        List<SkippedAlert> skipped = new ArrayList<>();
        for (int index = 0; index < alerts.size(); index++) {
            JsonNode alert = alerts.get(index);
            try {
                events.add(new Alert(index, alert(alert, "alerts[" + index + "]", commonAnnotations)));
            } catch (ApiError | IllegalArgumentException badField) {
                skipped.add(SkippedAlert.of(index, alert, badField.getMessage()));
            }
        }
        return new Parsed(events, skipped);
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
            default -> throw new ApiError(400, where + ".status is \"" + SenderTime.shown(status)
                    + "\"; expected firing or resolved");
        };
        String fingerprint = alert.path("fingerprint").asString("").strip();
        if (fingerprint.isEmpty()) {
            fingerprint = fingerprint(labels);
        } else if (fingerprint.length() > AlertEvent.MAX_KEY) {
            throw new ApiError(400, where + ".fingerprint is longer than " + AlertEvent.MAX_KEY + " characters");
        }
        return new AlertEvent(AlertEvent.Source.ALERTMANAGER, fingerprint, action, labels.get("alertname"), labels,
                annotations, text(alert.path("generatorURL").asString(""), where + ".generatorURL"),
                time(alert, "startsAt", where), time(alert, "endsAt", where));
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
                throw new ApiError(400, where + "." + SenderTime.shown(entry.getKey()) + " must be a string");
            }
            String name = where + "." + SenderTime.shown(entry.getKey());
            values.put(text(entry.getKey(), name), text(value.asString(), name));
        });
        return values;
    }

    /**
     * {@code value}, unless it holds a NUL character: PostgreSQL cannot store one in text, and a store error would be
     * a 503 that Alertmanager retries forever.
     */
    private static String text(String value, String where) {
        if (value.indexOf('\u0000') >= 0) {
            throw new ApiError(400, where + " contains a NUL character");
        }
        return value;
    }

    private static Optional<Instant> time(JsonNode alert, String field, String where) {
        String text = alert.path(field).asString("").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            if (time.getYear() <= GO_ZERO_YEAR) {
                return Optional.empty();
            }
            return Optional.of(SenderTime.instant(text));
        } catch (DateTimeException notATime) {
            throw new ApiError(400, where + "." + field + " is \"" + SenderTime.shown(text) + "\"; expected an RFC 3339"
                    + " time from the year " + SenderTime.FIRST_YEAR + " to " + SenderTime.LAST_YEAR);
        }
    }
}
