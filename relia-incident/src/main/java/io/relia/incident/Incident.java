package io.relia.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One incident record: what is broken, how bad, who responds, which services, alerts and SLOs it touches, its
 * lifecycle timestamps and what humans learned. Immutable; every lifecycle method returns the next state and
 * refuses transitions the state forbids with an {@link IncidentException}. The store turns the difference between
 * two states into timeline entries ({@link #changesFrom}), so every change is recorded by construction.
 * <p>
 * The order of the times, their plausibility, the status they imply and one-line text are {@link IncidentRules},
 * which the store applies to every write rather than this constructor: records written before those rules must stay
 * readable, and one request's broken rules are reported together.
 *
 * @param id       store identity; 0 before it is stored
 * @param drill    a game day or test, excluded from metrics
 * @param labels   free labels (team, region, alert labels), sorted by name
 * @param alerts   linked alerts (alert names or fingerprints)
 * @param slos     linked SLOs ({@code service/slo})
 */
public record Incident(long id, String title, String summary, IncidentSeverity severity, IncidentStatus status,
                       boolean drill, List<String> services, Map<String, String> labels, List<String> alerts,
                       List<String> slos, Map<Role, String> roles, IncidentTimes times, Analysis analysis) {

    /** Longest title kept; a title is a line, the summary holds the detail. */
    public static final int MAX_TITLE = 200;

    public Incident {
        Objects.requireNonNull(title, "title");
        title = title.strip();
        if (title.isEmpty()) {
            throw new IncidentException("an incident needs a title");
        }
        if (title.length() > MAX_TITLE) {
            throw new IncidentException("the title must be one line of at most " + MAX_TITLE
                    + " characters; put details in the summary");
        }
        summary = summary == null ? "" : summary.strip();
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        services = distinct(services);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels == null ? Map.of() : labels));
        alerts = distinct(alerts);
        slos = distinct(slos);
        EnumMap<Role, String> copy = new EnumMap<>(Role.class);
        if (roles != null) {
            roles.forEach((role, person) -> {
                if (person != null && !person.isBlank()) {
                    copy.put(role, person.strip());
                }
            });
        }
        roles = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(times, "times");
        analysis = analysis == null ? Analysis.EMPTY : analysis;
    }

    /** A new incident declared at {@code at}, status investigating, nothing linked yet. */
    public static Incident declare(String title, IncidentSeverity severity, Instant at) {
        return new Incident(0, title, "", severity, IncidentStatus.INVESTIGATING, false, List.of(), Map.of(),
                List.of(), List.of(), Map.of(), IncidentTimes.declaredAt(at), Analysis.EMPTY);
    }

    /** Display reference, e.g. {@code INC-42}. */
    public String reference() {
        return "INC-" + id;
    }

    /** The response stage this record is in, from its status and timestamps. */
    public Phase phase() {
        if (!status.isOpen()) {
            return Phase.POST_INCIDENT;
        }
        if (times.mitigated() != null || status == IncidentStatus.MONITORING) {
            return Phase.RESOLUTION;
        }
        if (times.acknowledged() == null) {
            return Phase.DETECTION;
        }
        return status == IncidentStatus.IDENTIFIED ? Phase.MITIGATION : Phase.TRIAGE;
    }

    public Incident withId(long newId) {
        return new Incident(newId, title, summary, severity, status, drill, services, labels, alerts, slos, roles,
                times, analysis);
    }

    public Incident withTitle(String text) {
        return new Incident(id, text, summary, severity, status, drill, services, labels, alerts, slos, roles, times,
                analysis);
    }

    public Incident withSummary(String text) {
        return new Incident(id, title, text, severity, status, drill, services, labels, alerts, slos, roles, times,
                analysis);
    }

    public Incident withSeverity(IncidentSeverity level) {
        requireNotClosed("change the severity of");
        return new Incident(id, title, summary, level, status, drill, services, labels, alerts, slos, roles, times,
                analysis);
    }

    public Incident withDrill(boolean isDrill) {
        return new Incident(id, title, summary, severity, status, isDrill, services, labels, alerts, slos, roles,
                times, analysis);
    }

    public Incident withServices(List<String> list) {
        return new Incident(id, title, summary, severity, status, drill, list, labels, alerts, slos, roles, times,
                analysis);
    }

    public Incident withLabels(Map<String, String> map) {
        return new Incident(id, title, summary, severity, status, drill, services, map, alerts, slos, roles, times,
                analysis);
    }

    public Incident withAlerts(List<String> list) {
        return new Incident(id, title, summary, severity, status, drill, services, labels, list, slos, roles, times,
                analysis);
    }

    public Incident withSlos(List<String> list) {
        return new Incident(id, title, summary, severity, status, drill, services, labels, alerts, list, roles, times,
                analysis);
    }

    public Incident withAnalysis(Analysis next) {
        return new Incident(id, title, summary, severity, status, drill, services, labels, alerts, slos, roles, times,
                next);
    }

    /** Gives {@code role} to {@code person}; an empty person takes the role away. */
    public Incident withRole(Role role, String person) {
        requireNotClosed("assign roles on");
        Map<Role, String> next = new EnumMap<>(Role.class);
        next.putAll(roles);
        if (person == null || person.isBlank()) {
            next.remove(role);
        } else {
            next.put(role, person);
        }
        return new Incident(id, title, summary, severity, status, drill, services, labels, alerts, slos, next, times,
                analysis);
    }

    /** Moves between investigating, identified and monitoring; resolving and closing have their own methods. */
    public Incident withStatus(IncidentStatus next, Instant at) {
        return switch (next) {
            case RESOLVED -> throw new IncidentException("use resolve to resolve " + reference());
            case CLOSED -> throw new IncidentException("use close to close " + reference());
            case MONITORING -> times.mitigated() == null ? mitigate(at) : withTimesAndStatus(times, next);
            default -> {
                requireOpen("change the status of");
                yield withTimesAndStatus(times, next);
            }
        };
    }

    /** Back-dates the start of user impact (null when unknown); {@link IncidentRules} keep it before detection. */
    public Incident withImpactStarted(Instant at) {
        return withTimes(times.withImpactStarted(at));
    }

    /** Sets when the problem was noticed (an alert's start); {@link IncidentRules} keep it at or before the
     * declaration. */
    public Incident withDetected(Instant at) {
        return withTimes(times.withDetected(at));
    }

    /** Corrects when the incident was declared; {@link IncidentRules} keep it between detection and resolution. */
    public Incident withDeclared(Instant at) {
        return withTimes(times.withDeclared(at));
    }

    /** A responder takes the incident; refused when already acknowledged or no longer open. */
    public Incident acknowledge(Instant at) {
        requireOpen("acknowledge");
        if (times.acknowledged() != null) {
            throw new IncidentException(reference() + " was already acknowledged at " + times.acknowledged());
        }
        return withTimes(times.withAcknowledged(IncidentRules.settle(at, times.detected())));
    }

    /** The impact has stopped: status monitoring; acknowledges too when nobody had. */
    public Incident mitigate(Instant at) {
        requireOpen("mitigate");
        if (times.mitigated() != null) {
            throw new IncidentException(reference() + " was already mitigated at " + times.mitigated());
        }
        Instant when = IncidentRules.settle(at, times.detected());
        IncidentTimes next = times.acknowledged() == null ? times.withAcknowledged(when) : times;
        return withTimesAndStatus(next.withMitigated(when), IncidentStatus.MONITORING);
    }

    /**
     * Its alerts stopped firing: status monitoring, mitigated now unless it already was. Unlike {@link #mitigate} this
     * acknowledges nothing: an alert that resolved by itself is no response, and MTTA must not count it as one.
     */
    public Incident alertsResolved(Instant at) {
        requireOpen("move to monitoring");
        IncidentTimes next = times.mitigated() == null
                ? times.withMitigated(IncidentRules.settle(at, times.detected())) : times;
        return withTimesAndStatus(next, IncidentStatus.MONITORING);
    }

    /** The incident is over: status resolved; mitigation and acknowledgement default to now when never recorded. */
    public Incident resolve(Instant at) {
        requireOpen("resolve");
        Instant floor = times.declared();
        floor = times.acknowledged() != null && times.acknowledged().isAfter(floor) ? times.acknowledged() : floor;
        floor = times.mitigated() != null && times.mitigated().isAfter(floor) ? times.mitigated() : floor;
        Instant when = IncidentRules.settle(at, floor);
        IncidentTimes next = times.acknowledged() == null ? times.withAcknowledged(when) : times;
        next = next.mitigated() == null ? next.withMitigated(when) : next;
        return withTimesAndStatus(next.withResolved(when), IncidentStatus.RESOLVED);
    }

    /** Closes a resolved incident; nothing changes after this but a reopen, notes and action items. */
    public Incident close(Instant at) {
        if (status != IncidentStatus.RESOLVED) {
            throw new IncidentException(reference() + " is " + status.label()
                    + "; resolve it before closing it");
        }
        Instant when = times.resolved() == null ? at : IncidentRules.settle(at, times.resolved());
        return withTimesAndStatus(times.withClosed(when), IncidentStatus.CLOSED);
    }

    /** The problem came back: investigating again; the resolution and close times are cleared (history keeps them). */
    public Incident reopen() {
        if (status.isOpen()) {
            throw new IncidentException(reference() + " is still open (" + status.label() + ")");
        }
        IncidentTimes next = new IncidentTimes(times.declared(), times.impactStarted(), times.detected(),
                times.acknowledged(), null, null, null, times.postmortemCompleted());
        return withTimesAndStatus(next, IncidentStatus.INVESTIGATING);
    }

    /** Marks the postmortem complete (or not, with null). */
    public Incident withPostmortemCompleted(Instant at) {
        if (at != null && times.resolved() == null) {
            throw new IncidentException("resolve " + reference() + " before completing its postmortem");
        }
        return withTimes(times.withPostmortemCompleted(at));
    }

    private Incident withTimes(IncidentTimes next) {
        return withTimesAndStatus(next, status);
    }

    private Incident withTimesAndStatus(IncidentTimes next, IncidentStatus nextStatus) {
        return new Incident(id, title, summary, severity, nextStatus, drill, services, labels, alerts, slos, roles,
                next, analysis);
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new IncidentException("cannot " + action + " " + reference() + ": it is " + status.label()
                    + " (reopen it first)");
        }
    }

    private void requireNotClosed(String action) {
        if (status == IncidentStatus.CLOSED) {
            throw new IncidentException("cannot " + action + " " + reference() + ": it is closed (reopen it first)");
        }
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    /** Every field an edit changed, in a fixed order, with values rendered as text. */
    public List<FieldChange> changesFrom(Incident before) {
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((name, read) -> {
            String was = read.apply(before);
            String now = read.apply(this);
            if (!was.equals(now)) {
                changes.add(new FieldChange(name, was, now));
            }
        });
        return changes;
    }

    private static final Map<String, Function<Incident, String>> FIELDS = fields();

    private static Map<String, Function<Incident, String>> fields() {
        Map<String, Function<Incident, String>> fields = new LinkedHashMap<>();
        fields.put("title", Incident::title);
        fields.put("summary", Incident::summary);
        fields.put("severity", incident -> incident.severity().name());
        fields.put("status", incident -> incident.status().label());
        fields.put("drill", incident -> incident.drill() ? "yes" : "no");
        fields.put("services", incident -> String.join(", ", incident.services()));
        fields.put("labels", incident -> incident.labels().toString());
        fields.put("alerts", incident -> String.join(", ", incident.alerts()));
        fields.put("slos", incident -> String.join(", ", incident.slos()));
        for (Role role : Role.values()) {
            fields.put("role." + role.label(), incident -> incident.roles().getOrDefault(role, ""));
        }
        fields.put("declared", incident -> text(incident.times().declared()));
        fields.put("impact_started", incident -> text(incident.times().impactStarted()));
        fields.put("detected", incident -> text(incident.times().detected()));
        fields.put("acknowledged", incident -> text(incident.times().acknowledged()));
        fields.put("mitigated", incident -> text(incident.times().mitigated()));
        fields.put("resolved", incident -> text(incident.times().resolved()));
        fields.put("closed", incident -> text(incident.times().closed()));
        fields.put("postmortem_completed", incident -> text(incident.times().postmortemCompleted()));
        fields.put("root_cause", incident -> incident.analysis().rootCause());
        fields.put("trigger", incident -> incident.analysis().trigger());
        fields.put("resolution", incident -> incident.analysis().resolution());
        fields.put("detection", incident -> incident.analysis().detection());
        fields.put("impact", incident -> incident.analysis().impact());
        fields.put("went_well", incident -> incident.analysis().wentWell());
        fields.put("went_wrong", incident -> incident.analysis().wentWrong());
        fields.put("got_lucky", incident -> incident.analysis().gotLucky());
        fields.put("five_whys", incident -> String.join("\n", incident.analysis().fiveWhys()));
        return Collections.unmodifiableMap(fields);
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
