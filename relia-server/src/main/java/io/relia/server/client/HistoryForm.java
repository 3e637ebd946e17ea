package io.relia.server.client;

import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentTimes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident and its action items in the incident-history form ({@code schemas/incident-history.schema.json}), the
 * body of {@code POST /api/v1/incidents/import}: the inverse of the history reader, so a parsed file imports through
 * a server exactly as it would locally. Empty values are left out, as a person would write the file.
 */
final class HistoryForm {

    private HistoryForm() {
    }

    static Map<String, Object> entry(Incident incident, List<ActionItem> actions) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("title", incident.title());
        entry.put("severity", incident.severity().name());
        entry.put("status", incident.status().label());
        putText(entry, "summary", incident.summary());
        putList(entry, "services", incident.services());
        if (!incident.labels().isEmpty()) {
            entry.put("labels", incident.labels());
        }
        putList(entry, "alerts", incident.alerts());
        putList(entry, "slos", incident.slos());
        if (incident.drill()) {
            entry.put("drill", true);
        }
        if (!incident.roles().isEmpty()) {
            Map<String, String> roles = new LinkedHashMap<>();
            incident.roles().forEach((role, person) -> roles.put(role.label(), person));
            entry.put("roles", roles);
        }
        IncidentTimes times = incident.times();
        putTime(entry, "declared", times.declared());
        putTime(entry, "impact_started", times.impactStarted());
        putTime(entry, "detected", times.detected());
        putTime(entry, "acknowledged", times.acknowledged());
        putTime(entry, "mitigated", times.mitigated());
        putTime(entry, "resolved", times.resolved());
        putTime(entry, "closed", times.closed());
        putTime(entry, "postmortem_completed", times.postmortemCompleted());
        Analysis analysis = incident.analysis();
        putText(entry, "root_cause", analysis.rootCause());
        putText(entry, "trigger", analysis.trigger());
        putText(entry, "resolution", analysis.resolution());
        putText(entry, "detection", analysis.detection());
        putText(entry, "impact", analysis.impact());
        Map<String, Object> lessons = new LinkedHashMap<>();
        putText(lessons, "went_well", analysis.wentWell());
        putText(lessons, "went_wrong", analysis.wentWrong());
        putText(lessons, "got_lucky", analysis.gotLucky());
        if (!lessons.isEmpty()) {
            entry.put("lessons", lessons);
        }
        putList(entry, "five_whys", analysis.fiveWhys());
        if (!actions.isEmpty()) {
            entry.put("action_items", actions.stream().map(HistoryForm::action).toList());
        }
        return entry;
    }

    private static Map<String, Object> action(ActionItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", item.title());
        json.put("type", item.type().label());
        putText(json, "owner", item.owner());
        json.put("priority", item.priority().name());
        if (item.due() != null) {
            json.put("due", item.due().toString());
        }
        json.put("status", item.status().label());
        putText(json, "link", item.link());
        return json;
    }

    private static void putText(Map<String, Object> json, String key, String text) {
        if (!text.isEmpty()) {
            json.put(key, text);
        }
    }

    private static void putList(Map<String, Object> json, String key, List<String> values) {
        if (!values.isEmpty()) {
            json.put(key, values);
        }
    }

    private static void putTime(Map<String, Object> json, String key, Instant at) {
        if (at != null) {
            json.put(key, at.toString());
        }
    }
}
