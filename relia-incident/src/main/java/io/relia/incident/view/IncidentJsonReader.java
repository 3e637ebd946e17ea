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

    public static Incident incident(JsonNode json) {
        try {
            Map<Role, String> roles = new EnumMap<>(Role.class);
            json.path("roles").properties().forEach(role -> {
                if (role.getValue().isString() && !role.getValue().asString().isBlank()) {
                    roles.put(Role.parse(role.getKey()), role.getValue().asString());
                }
            });
            JsonNode times = json.path("times");
            JsonNode analysis = json.path("analysis");
            return new Incident(json.path("id").asLong(), json.path("title").asString(),
                    json.path("summary").asString(""), IncidentSeverity.parse(json.path("severity").asString()),
                    IncidentStatus.parse(json.path("status").asString()), json.path("drill").asBoolean(false),
                    strings(json.path("services")), stringMap(json.path("labels")), strings(json.path("alerts")),
                    strings(json.path("slos")), roles,
                    new IncidentTimes(time(times, "declared"), time(times, "impactStarted"),
                            time(times, "detected"), time(times, "acknowledged"), time(times, "mitigated"),
                            time(times, "resolved"), time(times, "closed"), time(times, "postmortemCompleted")),
                    new Analysis(analysis.path("rootCause").asString(""), analysis.path("trigger").asString(""),
                            analysis.path("resolution").asString(""), analysis.path("detection").asString(""),
                            analysis.path("impact").asString(""), analysis.path("wentWell").asString(""),
                            analysis.path("wentWrong").asString(""), analysis.path("gotLucky").asString(""),
                            strings(analysis.path("fiveWhys"))));
        } catch (DateTimeParseException | NullPointerException | IllegalArgumentException malformed) {
            throw new IncidentException("not an incident record: " + malformed.getMessage());
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

    private static Instant time(JsonNode times, String field) {
        String text = times.path(field).asString("");
        return text.isEmpty() ? null : Instant.parse(text);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asString()));
        return values;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }
}
