package io.relia.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules every stored incident and action item follows, in one place: the store applies them to every write
 * (the CLI, the API's POST, PUT, PATCH and lifecycle endpoints, imports and alert intake all write through it), and
 * history files are checked with them before anything is imported.
 * <ul>
 * <li><b>Order</b>: impact started ≤ detected ≤ declared; detected ≤ acknowledged; detected ≤ mitigated;
 * declared, acknowledged and mitigated ≤ resolved; resolved ≤ closed; resolved ≤ postmortem completed (checked
 * when the completion is set).
 * Acknowledgement may precede the declaration (the page is taken, then the incident declared) and follow the
 * mitigation (an alert that stopped by itself).</li>
 * <li><b>Plausible</b>: no time later than now plus {@link #CLOCK_SKEW}, none before {@link #EARLIEST}.</li>
 * <li><b>State</b>: resolved and closed incidents have a resolved time, closed ones a closed time, and only they;
 * monitoring needs a mitigated time; a completed postmortem needs a resolution.</li>
 * <li><b>One line</b>: titles, services, alerts, SLOs, labels and people's names hold no line break or other
 * control character ({@link OneLine}).</li>
 * </ul>
 * Records written before these rules may break them; they stay readable. A change is refused only for the broken
 * rules that concern a field it changes, so an old record can still be corrected or noted on.
 */
public final class IncidentRules {

    /** How far a time may lie ahead of the clock that checks it: clocks of a CLI and a server differ a little. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The earliest time stored: anything before is a zero value (1970) or a typo, not an incident. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * {@code earlier} may not lie after {@code later}. The violation names {@code earlier} when {@code blameEarlier}
     * (the time people back-date), else {@code later}; {@code both} says whether a change of either field makes the
     * rule apply, or only one of the one named.
     */
    private record Order(String earlier, String later, boolean blameEarlier, boolean both) {
    }

    private static final List<Order> ORDER = List.of(
            new Order("impact_started", "detected", true, true),
            new Order("detected", "declared", true, true),
            new Order("detected", "acknowledged", false, true),
            new Order("detected", "mitigated", false, true),
            new Order("declared", "resolved", false, true),
            new Order("acknowledged", "resolved", false, true),
            new Order("mitigated", "resolved", false, true),
            new Order("resolved", "closed", false, true),
            // Only when the completion is set: a reopened incident resolved again later keeps its postmortem.
            new Order("resolved", "postmortem_completed", false, false));

    private IncidentRules() {
    }

    /** Every rule {@code incident} breaks, judged at {@code now}; empty when it follows them all. */
    public static List<RuleViolation> violations(Incident incident, Instant now) {
        List<RuleViolation> found = new ArrayList<>();
        text(incident, found);
        Map<String, Instant> times = times(incident.times());
        List<RuleViolation> ordered = new ArrayList<>();
        for (Order order : ORDER) {
            Instant earlier = times.get(order.earlier());
            Instant later = times.get(order.later());
            if (earlier != null && later != null && later.isBefore(earlier)) {
                String named = order.blameEarlier() ? order.earlier() : order.later();
                String other = order.blameEarlier() ? order.later() : order.earlier();
                String message = order.blameEarlier()
                        ? named + " " + earlier + " lies after " + other + " " + later
                        : named + " " + later + " lies before " + other + " " + earlier;
                ordered.add(new RuleViolation(named, message, order.both() ? List.of(named, other) : List.of(named)));
            }
        }
        // One reason per time, the most telling: in the future, else out of order, else before EARLIEST.
        times.forEach((field, at) -> {
            Optional<RuleViolation> implausible = plausible(field, at, now);
            boolean future = implausible.isPresent() && at.isAfter(now);
            List<RuleViolation> outOfOrder = ordered.stream().filter(v -> v.field().equals(field)).toList();
            if (future || outOfOrder.isEmpty()) {
                implausible.ifPresent(found::add);
            }
            if (!future) {
                found.addAll(outOfOrder);
            }
        });
        state(incident, found);
        return found;
    }

    /**
     * The rules the change from {@code before} to {@code after} breaks: those {@code after} breaks that concern a
     * field the change touches.
     */
    public static List<RuleViolation> violations(Incident before, Incident after, Instant now) {
        Set<String> changed = after.changesFrom(before).stream().map(FieldChange::field).collect(Collectors.toSet());
        return violations(after, now).stream().filter(violation -> violation.fields().stream()
                .anyMatch(changed::contains)).toList();
    }

    /** Refuses a new record that breaks any rule, naming every broken rule. */
    public static void requireValid(Incident incident, Instant now) {
        refuse(violations(incident, now));
    }

    /** Refuses a change that breaks a rule concerning a field it changes, naming every such rule. */
    public static void requireValidChange(Incident before, Incident after, Instant now) {
        refuse(violations(before, after, now));
    }

    /** The one-line rules of an action item's title, owner and link. */
    public static List<RuleViolation> violations(ActionItem item) {
        List<RuleViolation> found = new ArrayList<>();
        oneLine("title", "the action item's title", item.title(), found);
        oneLine("owner", "the action item's owner", item.owner(), found);
        oneLine("link", "the action item's link", item.link(), found);
        return found;
    }

    /** Refuses an action item, new or changed, whose title, owner or link breaks the one-line rule. */
    public static void requireValid(ActionItem before, ActionItem after) {
        List<RuleViolation> found = violations(after);
        if (before != null) {
            Map<String, String> was = Map.of("title", before.title(), "owner", before.owner(), "link", before.link());
            Map<String, String> now = Map.of("title", after.title(), "owner", after.owner(), "link", after.link());
            found = found.stream().filter(violation -> !was.get(violation.field()).equals(now.get(violation.field())))
                    .toList();
        }
        refuse(found);
    }

    /** Refuses a timeline entry's time ({@code at}) that is implausible: in the future or before 2000. */
    public static void requirePlausibleEntry(Instant at, Instant now) {
        plausible("at", at, now).ifPresent(violation -> refuse(List.of(violation)));
    }

    /**
     * {@code at}, or {@code floor} when {@code at} lies before it by no more than {@link #CLOCK_SKEW}: a command
     * run on a clock a little behind the one that declared the incident still records a time in order; a time
     * further back is kept, and refused by the order rules.
     */
    static Instant settle(Instant at, Instant floor) {
        return at.isBefore(floor) && !at.isBefore(floor.minus(CLOCK_SKEW)) ? floor : at;
    }

    private static void refuse(List<RuleViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static Optional<RuleViolation> plausible(String field, Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of(RuleViolation.of(field, field + " " + at + " lies in the future (now "
                    + now.truncatedTo(ChronoUnit.SECONDS) + "; clocks may differ by " + CLOCK_SKEW.toMinutes()
                    + " minutes)"));
        }
        if (at.isBefore(EARLIEST)) {
            return Optional.of(RuleViolation.of(field, field + " " + at + " lies before " + EARLIEST
                    + ", the earliest time Relia stores"));
        }
        return Optional.empty();
    }

    /** The lifecycle times that are set, by the names timeline entries give them, in lifecycle order. */
    private static Map<String, Instant> times(IncidentTimes times) {
        Map<String, Instant> named = new LinkedHashMap<>();
        named.put("impact_started", times.impactStarted());
        named.put("detected", times.detected());
        named.put("declared", times.declared());
        named.put("acknowledged", times.acknowledged());
        named.put("mitigated", times.mitigated());
        named.put("resolved", times.resolved());
        named.put("closed", times.closed());
        named.put("postmortem_completed", times.postmortemCompleted());
        named.values().removeIf(Objects::isNull);
        return named;
    }

    private static void state(Incident incident, List<RuleViolation> found) {
        IncidentTimes times = incident.times();
        IncidentStatus status = incident.status();
        String label = status.label();
        if (!status.isOpen() && times.resolved() == null) {
            found.add(new RuleViolation("status", "status " + label + " needs a resolved time",
                    List.of("status", "resolved")));
        }
        if (status == IncidentStatus.CLOSED && times.closed() == null) {
            found.add(new RuleViolation("status", "status closed needs a closed time",
                    List.of("status", "closed")));
        }
        if (status != IncidentStatus.CLOSED && times.closed() != null) {
            found.add(new RuleViolation("status", "status " + label + " but closed " + times.closed()
                    + " is set; only a closed incident has a closed time", List.of("status", "closed")));
        }
        if (status.isOpen() && times.resolved() != null) {
            found.add(new RuleViolation("status", "status " + label + " but resolved " + times.resolved()
                    + " is set; an open incident has no resolved time", List.of("status", "resolved")));
        }
        if (status == IncidentStatus.MONITORING && times.mitigated() == null) {
            found.add(new RuleViolation("status", "status monitoring needs a mitigated time",
                    List.of("status", "mitigated")));
        }
        if (times.postmortemCompleted() != null && times.resolved() == null) {
            found.add(RuleViolation.of("postmortem_completed", "postmortem_completed " + times.postmortemCompleted()
                    + " is set but resolved is not; a postmortem follows the resolution"));
        }
    }

    private static void text(Incident incident, List<RuleViolation> found) {
        oneLine("title", "the title", incident.title(), found);
        items("services", "service", incident.services(), found);
        items("alerts", "alert", incident.alerts(), found);
        items("slos", "SLO", incident.slos(), found);
        int n = 0;
        for (Map.Entry<String, String> label : incident.labels().entrySet()) {
            n++;
            oneLine("labels", "the key of label " + n, label.getKey(), found);
            oneLine("labels", "the value of label " + n, label.getValue(), found);
        }
        incident.roles().forEach((role, person) -> oneLine("role." + role.label(), "the " + role.label()
                + "'s name", person, found));
    }

    private static void items(String field, String what, List<String> values, List<RuleViolation> found) {
        for (int i = 0; i < values.size(); i++) {
            oneLine(field, what + " " + (i + 1), values.get(i), found);
        }
    }

    private static void oneLine(String field, String what, String text, List<RuleViolation> found) {
        OneLine.problem(what, text).ifPresent(message -> found.add(RuleViolation.of(field, message)));
    }
}
