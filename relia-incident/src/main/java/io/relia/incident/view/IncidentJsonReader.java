package io.relia.incident.view;

import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads back what {@link IncidentJson} writes: the incident, timeline entry and action item records, so a client of
 * {@code relia serve} works on the same model as the store. Derived facts (phase, response, postmortem) are ignored.
 */
public final class IncidentJsonReader {

    private IncidentJsonReader() {
    }

    /** Reads what {@link IncidentJson#policy} writes. */
    public static IncidentPolicy policy(JsonNode json) {
        Map<IncidentSeverity, Duration> targets = new EnumMap<>(IncidentSeverity.class);
        json.path("responseTargetSeconds").properties().forEach(target -> targets.put(
                IncidentSeverity.parse(target.getKey()), Duration.ofSeconds(target.getValue().asLong())));
        JsonNode postmortem = json.path("postmortem");
        Set<IncidentSeverity> required = EnumSet.noneOf(IncidentSeverity.class);
        postmortem.path("requiredFor").forEach(severity -> required.add(IncidentSeverity.parse(severity.asString())));
        try {
            return new IncidentPolicy(targets, Duration.ofSeconds(postmortem.path("withinSeconds").asLong()),
                    required);
        } catch (IncidentException invalid) {
            throw new IncidentException("not an incident policy: " + invalid.getMessage());
        }
    }

    /**
     * Reads an incident record, e.g. the body of a PUT. Every field of the wrong type or form is reported at once,
     * by its JSON pointer, before the model's own rules run.
     */
    public static Incident incident(JsonNode json) {
        Fields fields = new Fields(json);
        Map<Role, String> roles = new EnumMap<>(Role.class);
        json.path("roles").properties().forEach(role -> {
            if (role.getValue().isString() && !role.getValue().asString().isBlank()) {
                roles.put(Role.parse(role.getKey()), role.getValue().asString());
            }
        });
        long id = fields.number("/id");
        String title = fields.text("/title", null);
        String summary = fields.text("/summary", "");
        String severity = fields.text("/severity", null);
        String status = fields.text("/status", null);
        boolean drill = fields.flag("/drill");
        List<String> services = fields.texts("/services");
        Map<String, String> labels = fields.textMap("/labels");
        List<String> alerts = fields.texts("/alerts");
        List<String> slos = fields.texts("/slos");
        IncidentTimes times = new IncidentTimes(fields.time("/times/declared"), fields.time("/times/impactStarted"),
                fields.time("/times/detected"), fields.time("/times/acknowledged"), fields.time("/times/mitigated"),
                fields.time("/times/resolved"), fields.time("/times/closed"),
                fields.time("/times/postmortemCompleted"));
        Analysis analysis = new Analysis(fields.text("/analysis/rootCause", ""), fields.text("/analysis/trigger", ""),
                fields.text("/analysis/resolution", ""), fields.text("/analysis/detection", ""),
                fields.text("/analysis/impact", ""), fields.text("/analysis/wentWell", ""),
                fields.text("/analysis/wentWrong", ""), fields.text("/analysis/gotLucky", ""),
                fields.texts("/analysis/fiveWhys"));
        fields.failIfAny();
        try {
            return new Incident(id, title, summary, IncidentSeverity.parse(severity), IncidentStatus.parse(status),
                    drill, services, labels, alerts, slos, roles, times, analysis);
        } catch (DateTimeParseException | NullPointerException | IllegalArgumentException malformed) {
            throw new IncidentException("not an incident record: " + malformed.getMessage());
        }
    }

    /** Reads typed fields by JSON pointer and collects every field that is not of its type. */
    private static final class Fields {
        private final JsonNode json;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode json) {
            this.json = json;
        }

        long number(String pointer) {
            JsonNode node = json.at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                return 0;
            }
            if (!node.canConvertToLong() || !node.isIntegralNumber()) {
                problems.add(pointer + " must be a whole number");
                return 0;
            }
            return node.asLong();
        }

        boolean flag(String pointer) {
            JsonNode node = json.at(pointer);
            if (!node.isMissingNode() && !node.isNull() && !node.isBoolean()) {
                problems.add(pointer + " must be true or false");
            }
            return node.asBoolean(false);
        }

        /** The string at {@code pointer}, or {@code absent} when there is none ({@code null}: required). */
        String text(String pointer, String absent) {
            JsonNode node = json.at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                if (absent == null) {
                    problems.add(pointer + " is required");
                }
                return absent == null ? "" : absent;
            }
            if (!node.isString()) {
                problems.add(pointer + " must be a string");
                return "";
            }
            return node.asString();
        }

        Instant time(String pointer) {
            String text = text(pointer, "");
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException malformed) {
                problems.add(pointer + " must be an ISO-8601 UTC time such as 2026-03-02T14:05:00Z, not \""
                        + text + "\"");
                return null;
            }
        }

        List<String> texts(String pointer) {
            JsonNode node = json.at(pointer);
            List<String> values = new ArrayList<>();
            if (node.isMissingNode() || node.isNull()) {
                return values;
            }
            if (!node.isArray()) {
                problems.add(pointer + " must be an array of strings");
                return values;
            }
            for (int i = 0; i < node.size(); i++) {
                values.add(text(pointer + "/" + i, null));
            }
            return values;
        }

        Map<String, String> textMap(String pointer) {
            JsonNode node = json.at(pointer);
            Map<String, String> values = new LinkedHashMap<>();
            if (node.isMissingNode() || node.isNull()) {
                return values;
            }
            if (!node.isObject()) {
                problems.add(pointer + " must be an object of strings");
                return values;
            }
            node.properties().forEach(entry -> values.put(entry.getKey(),
                    text(pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1"), null)));
            return values;
        }

        void failIfAny() {
            if (!problems.isEmpty()) {
                throw new IncidentException("not an incident record: " + String.join("; ", problems));
            }
        }
    }

    public static TimelineEntry entry(JsonNode json, long incidentId) {
        TimelineEntry.Kind kind = TimelineEntry.Kind.valueOf(json.path("kind").asString().toUpperCase(Locale.ROOT));
        return new TimelineEntry(json.path("id").asLong(), incidentId, Instant.parse(json.path("at").asString()),
                json.path("actor").asString(""), kind, json.path("field").asString(""),
                json.path("before").asString(""), json.path("after").asString(""), json.path("text").asString(""));
    }

    public static ActionItem action(JsonNode json) {
        String due = json.path("due").asString("");
        return new ActionItem(json.path("id").asLong(), json.path("incidentId").asLong(),
                json.path("title").asString(), ActionItem.Type.parse(json.path("type").asString()),
                json.path("owner").asString(""), ActionItem.Priority.parse(json.path("priority").asString()),
                due.isEmpty() ? null : LocalDate.parse(due), ActionItem.Status.parse(json.path("status").asString()),
                json.path("link").asString(""), Instant.parse(json.path("created").asString()),
                Instant.parse(json.path("updated").asString()));
    }
}
