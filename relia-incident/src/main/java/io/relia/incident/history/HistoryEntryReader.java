package io.relia.incident.history;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.Suggestions;
import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentRules;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import io.relia.incident.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one entry of a history file into a {@link HistoricIncident}. The entry is checked with the same
 * {@link IncidentRules} as every write (times in order and not in the future, a status that matches them, one-line
 * text); each broken rule becomes a problem at the value that breaks it.
 */
final class HistoryEntryReader {

    private static final Set<String> TIMES = Set.of("impact_started", "detected", "declared", "acknowledged",
            "mitigated", "resolved", "closed", "postmortem_completed");

    private final Fields fields;
    private final Problems problems;
    private final long errorsBefore;

    private HistoryEntryReader(Fields fields) {
        this.fields = fields;
        this.problems = fields.problems();
        this.errorsBefore = problems.errorCount();
    }

    /** The entry, or empty when it has an error (reported to the fields' problems). */
    static Optional<HistoricIncident> read(Fields fields) {
        return new HistoryEntryReader(fields).read();
    }

    private Optional<HistoricIncident> read() {
        String title = fields.requireText("title", "a one-line title").orElse("");
        Optional<IncidentSeverity> severity = parsed("severity", IncidentSeverity::parse,
                Arrays.stream(IncidentSeverity.values()).map(Enum::name).toList());
        Optional<Instant> declared = time("declared");
        Optional<IncidentTimes> times = declared.flatMap(this::times);
        Map<Role, String> roles = roles();
        Optional<Incident> incident = Optional.empty();
        if (severity.isPresent() && times.isPresent()) {
            incident = incident(title, severity.get(), times.get(), roles);
        }
        List<ActionItem> items = actionItems(declared.orElse(Instant.EPOCH));
        if (problems.errorCount() > errorsBefore || incident.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HistoricIncident(incident.get(), items, fields.map().location()));
    }

    private Optional<Incident> incident(String title, IncidentSeverity severity, IncidentTimes times,
                                        Map<Role, String> roles) {
        IncidentStatus status = status(times);
        // A closed record without its close time was closed by its resolution at the latest, as its mitigation is.
        IncidentTimes complete = status == IncidentStatus.CLOSED && times.closed() == null && times.resolved() != null
                ? new IncidentTimes(times.declared(), times.impactStarted(), times.detected(), times.acknowledged(),
                        times.mitigated(), times.resolved(), times.resolved(), times.postmortemCompleted())
                : times;
        Incident incident;
        try {
            incident = new Incident(0, title, fields.text("summary", "a string").orElse(""), severity, status,
                    fields.bool("drill").orElse(false), names("services"), fields.textMap("labels"), names("alerts"),
                    names("slos"), roles, complete, analysis());
        } catch (IncidentException invalid) {
            problems.error(fields.map().location(), invalid.getMessage(), "", "fix this entry or leave it out");
            return Optional.empty();
        }
        for (RuleViolation violation : IncidentRules.violations(incident, Instant.now())) {
            // A rule broken only by defaulted values (mitigated = resolved) follows from one reported at a value.
            if (violation.fields().stream().map(HistoryEntryReader::key).anyMatch(fields.map()::has)
                    || violation.fields().stream().noneMatch(TIMES::contains)) {
                problems.error(location(violation), violation.message(), "", TIMES.contains(violation.field())
                        ? "check the date and the zone (Z is UTC)" : "");
            }
        }
        return Optional.of(incident);
    }

    /** Where a broken rule is reported: at the first of its fields the entry gives, else at the entry. */
    private Location location(RuleViolation violation) {
        for (String field : violation.fields()) {
            if (fields.map().has(key(field))) {
                return fields.valueLocation(key(field));
            }
        }
        return fields.map().location();
    }

    /** The key of the history form that holds a field. */
    private static String key(String field) {
        return field.startsWith("role.") ? "roles" : field;
    }

    /**
     * The lifecycle times as the entry gives them. An absent mitigation defaults to the resolution (the impact
     * ended by then at the latest); an absent acknowledgement stays unknown, so that MTTA leaves the incident out
     * rather than counting its whole duration as the time to acknowledge. Their order is checked with the rest of
     * {@link IncidentRules}.
     */
    private Optional<IncidentTimes> times(Instant declared) {
        Instant impact = time("impact_started").orElse(null);
        Instant detected = time("detected").orElse(declared);
        Instant resolved = time("resolved").orElse(null);
        Instant mitigated = time("mitigated").orElse(resolved);
        Instant acknowledged = time("acknowledged").orElse(null);
        Instant closed = time("closed").orElse(null);
        Instant postmortem = time("postmortem_completed").orElse(null);
        return Optional.of(new IncidentTimes(declared, impact, detected, acknowledged, mitigated, resolved, closed,
                postmortem));
    }

    /** The status the entry gives, else closed when it was resolved and investigating when not. */
    private IncidentStatus status(IncidentTimes times) {
        IncidentStatus fallback = times.resolved() == null ? IncidentStatus.INVESTIGATING : IncidentStatus.CLOSED;
        return parsed("status", IncidentStatus::parse,
                Arrays.stream(IncidentStatus.values()).map(IncidentStatus::label).toList()).orElse(fallback);
    }

    private Map<Role, String> roles() {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        List<String> known = new ArrayList<>();
        Arrays.stream(Role.values()).forEach(role -> known.add(role.label()));
        fields.textMap("roles").forEach((name, person) -> {
            try {
                roles.put(Role.parse(name), person);
            } catch (IncidentException unknown) {
                Location at = fields.map().map("roles").map(map -> map.locationOf(name))
                        .orElse(fields.locationOf("roles"));
                problems.error(at, "unknown role \"" + name + "\"", "commander (ic), comms, ops or scribe",
                        Suggestions.closest(name, known).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            }
        });
        return roles;
    }

    private Analysis analysis() {
        Optional<Fields> lessons = fields.child("lessons");
        return new Analysis(text(fields, "root_cause"), text(fields, "trigger"), text(fields, "resolution"),
                text(fields, "detection"), text(fields, "impact"),
                lessons.map(l -> text(l, "went_well")).orElse(""), lessons.map(l -> text(l, "went_wrong")).orElse(""),
                lessons.map(l -> text(l, "got_lucky")).orElse(""), names("five_whys"));
    }

    private List<ActionItem> actionItems(Instant created) {
        List<ActionItem> items = new ArrayList<>();
        for (Fields item : fields.children("action_items").orElse(List.of())) {
            new ActionItemReader(item, created).read().ifPresent(items::add);
        }
        return items;
    }

    private Optional<Instant> time(String key) {
        return fields.text(key, "an RFC 3339 time").flatMap(text -> Timestamps.instant(key, text)
                .orReport(problems, fields.valueLocation(key)));
    }

    /** A value parsed by the model's own parser; its exception becomes a problem with "did you mean". */
    private <T> Optional<T> parsed(String key, Function<String, T> parser, List<String> known) {
        return parsed(fields, key, parser, known);
    }

    static <T> Optional<T> parsed(Fields fields, String key, Function<String, T> parser, List<String> known) {
        Optional<String> text = fields.text(key, "one of " + String.join(", ", known));
        try {
            return text.map(parser);
        } catch (IncidentException unknown) {
            String value = text.orElse("");
            fields.problems().error(fields.valueLocation(key), unknown.getMessage(), "",
                    Suggestions.closest(value, known).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            return Optional.empty();
        }
    }

    static String text(Fields fields, String key) {
        return fields.text(key, "a string").orElse("");
    }

    private List<String> names(String key) {
        return fields.map().list(key).map(HistoryEntryReader::scalars).orElse(List.of());
    }

    private static List<String> scalars(ListNode list) {
        return list.items().stream().filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                .filter(scalar -> !scalar.isNull()).map(ScalarNode::text).toList();
    }
}
