package io.relia.incident.view;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON view of incidents, timeline entries and action items: camelCase keys, RFC 3339 times, null when unset. */
public final class IncidentJson {

    private IncidentJson() {
    }

    /**
     * The policy a server applies: response target per severity (s), and when postmortems are due (s) and for which
     * severities; what {@code relia incident --server} shows targets and due dates by.
     */
    public static Map<String, Object> policy(IncidentPolicy policy) {
        Map<String, Object> targets = new LinkedHashMap<>();
        policy.responseTargets().forEach((severity, target) -> targets.put(severity.name(), target.toSeconds()));
        Map<String, Object> postmortem = new LinkedHashMap<>();
        postmortem.put("withinSeconds", policy.postmortemWithin().toSeconds());
        postmortem.put("requiredFor", policy.postmortemRequired().stream().map(Enum::name).toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("responseTargetSeconds", targets);
        json.put("postmortem", postmortem);
        return json;
    }

    /** An incident with its derived facts: phase, response target and breach, postmortem due. */
    public static Map<String, Object> incident(Incident incident, IncidentPolicy policy, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("reference", incident.reference());
        json.put("title", incident.title());
        json.put("summary", incident.summary());
        json.put("severity", incident.severity().name());
        json.put("status", incident.status().label());
        json.put("phase", incident.phase().label());
        json.put("drill", incident.drill());
        json.put("services", incident.services());
        json.put("labels", incident.labels());
        json.put("alerts", incident.alerts());
        json.put("slos", incident.slos());
        Map<String, String> roles = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            roles.put(role.label(), incident.roles().get(role));
        }
        json.put("roles", roles);
        IncidentTimes times = incident.times();
        Map<String, Object> timestamps = new LinkedHashMap<>();
        timestamps.put("declared", text(times.declared()));
        timestamps.put("impactStarted", text(times.impactStarted()));
        timestamps.put("detected", text(times.detected()));
        timestamps.put("acknowledged", text(times.acknowledged()));
        timestamps.put("mitigated", text(times.mitigated()));
        timestamps.put("resolved", text(times.resolved()));
        timestamps.put("closed", text(times.closed()));
        timestamps.put("postmortemCompleted", text(times.postmortemCompleted()));
        json.put("times", timestamps);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("targetSeconds", policy.responseTarget(incident.severity()).toSeconds());
        response.put("dueAt", text(policy.responseDueAt(incident)));
        response.put("responseSeconds", policy.responseTime(incident).map(java.time.Duration::toSeconds)
                .orElse(null));
        response.put("breached", policy.responseBreached(incident, now));
        json.put("response", response);
        Map<String, Object> postmortem = new LinkedHashMap<>();
        postmortem.put("required", policy.needsPostmortem(incident));
        postmortem.put("dueAt", policy.postmortemDueAt(incident).map(IncidentJson::text).orElse(null));
        postmortem.put("overdue", policy.postmortemOverdue(incident, now));
        json.put("postmortem", postmortem);
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("rootCause", incident.analysis().rootCause());
        analysis.put("trigger", incident.analysis().trigger());
        analysis.put("resolution", incident.analysis().resolution());
        analysis.put("detection", incident.analysis().detection());
        analysis.put("impact", incident.analysis().impact());
        analysis.put("wentWell", incident.analysis().wentWell());
        analysis.put("wentWrong", incident.analysis().wentWrong());
        analysis.put("gotLucky", incident.analysis().gotLucky());
        analysis.put("fiveWhys", incident.analysis().fiveWhys());
        json.put("analysis", analysis);
        return json;
    }

    public static Map<String, Object> entry(TimelineEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("at", text(entry.at()));
        json.put("actor", entry.actor());
        json.put("kind", entry.kind().label());
        if (entry.kind() == TimelineEntry.Kind.CHANGED) {
            json.put("field", entry.field());
            json.put("before", entry.before());
            json.put("after", entry.after());
        } else {
            json.put("text", entry.text());
        }
        return json;
    }

    public static Map<String, Object> action(ActionItem item, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("reference", item.reference());
        json.put("incidentId", item.incidentId());
        json.put("title", item.title());
        json.put("type", item.type().label());
        json.put("owner", item.owner());
        json.put("priority", item.priority().name());
        json.put("due", item.due() == null ? null : item.due().toString());
        json.put("status", item.status().label());
        json.put("overdue", item.isOverdue(LocalDate.ofInstant(now, ZoneOffset.UTC)));
        json.put("link", item.link());
        json.put("created", text(item.created()));
        json.put("updated", text(item.updated()));
        return json;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
