package io.relia.incident.metrics;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentRules;
import io.relia.incident.IncidentTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects one group's incidents and turns them into {@link IncidentStats} and {@link Mtbf}. */
final class IncidentTally {

    private record Interval(Instant start, Instant end) {
    }

    private final IncidentPolicy policy;
    private final Instant from;
    private final Instant to;
    /** Times after this are in the future of the report: a stored time from a broken clock or a typo. */
    private final Instant latest;
    private final Map<String, Map<String, Integer>> leftOut = new LinkedHashMap<>();
    private final List<Duration> detect = new ArrayList<>();
    private final List<Duration> acknowledge = new ArrayList<>();
    private final List<Duration> recover = new ArrayList<>();
    private final List<Duration> resolve = new ArrayList<>();
    private final List<Interval> impacts = new ArrayList<>();
    private int count;
    private int open;
    private int breaches;
    private int overdue;

    IncidentTally(IncidentPolicy policy, Instant from, Instant to, Instant now) {
        this.policy = policy;
        this.from = from;
        this.to = to;
        this.latest = now.plus(IncidentRules.CLOCK_SKEW);
    }

    void add(Incident incident) {
        IncidentTimes times = incident.times();
        count++;
        boolean knownStart = times.impactStarted() != null;
        Instant impactStart = knownStart ? times.impactStarted() : times.detected();
        String startName = knownStart ? "impact started" : "detected";
        if (knownStart) {
            measure(detect, "MTTD", "impact started", impactStart, "detected", times.detected());
        }
        times.acknowledgedAt().ifPresent(ack -> measure(acknowledge, "MTTA", "detected", times.detected(),
                "acknowledged", ack));
        if (times.resolved() == null) {
            open++;
        } else {
            boolean mitigated = times.mitigated() != null;
            measure(recover, "MTTR", startName, impactStart, mitigated ? "mitigated" : "resolved",
                    mitigated ? times.mitigated() : times.resolved());
            measure(resolve, "time to resolve", "declared", times.declared(), "resolved", times.resolved());
        }
        impacts.add(new Interval(later(impactStart, from), earlier(times.mitigatedAt().orElse(to), to)));
        if (breached(incident)) {
            breaches++;
        }
        if (policy.postmortemOverdue(incident, to)) {
            overdue++;
        }
    }

    /**
     * Adds start → end to {@code durations}, or counts the incident as left out of {@code metric} when the end lies
     * before the start or after now (plus the clock skew), or the start before {@link IncidentRules#EARLIEST}: such
     * a record breaks the lifecycle rules, and its duration would be negative or absurd (enough of them overflow).
     */
    private void measure(List<Duration> durations, String metric, String startName, Instant start, String endName,
                         Instant end) {
        String reason = end.isBefore(start) ? endName + " before " + startName
                : end.isAfter(latest) ? endName + " in the future"
                : start.isBefore(IncidentRules.EARLIEST) ? startName + " before " + IncidentRules.EARLIEST : "";
        if (reason.isEmpty()) {
            durations.add(Duration.between(start, end));
        } else {
            leftOut.computeIfAbsent(metric, name -> new LinkedHashMap<>()).merge(reason, 1, Integer::sum);
        }
    }

    /** Late acknowledgement, or none yet while open past the target; unknown acknowledgements are not breaches. */
    private boolean breached(Incident incident) {
        if (incident.times().acknowledged() != null) {
            return policy.responseTime(incident).orElseThrow().compareTo(policy.responseTarget(incident.severity())) > 0;
        }
        return incident.status().isOpen() && policy.responseBreached(incident, to);
    }

    IncidentStats stats() {
        return new IncidentStats(count, open, DurationStats.of(detect), DurationStats.of(acknowledge),
                DurationStats.of(recover), DurationStats.of(resolve), breaches, overdue);
    }

    /** What the metrics left out, by metric (in the order first met) and reason. */
    List<LeftOut> leftOut() {
        List<LeftOut> all = new ArrayList<>();
        leftOut.forEach((metric, reasons) -> reasons.forEach((reason, incidents) ->
                all.add(new LeftOut(metric, reason, incidents))));
        return all;
    }

    /** Period minus the union of impact intervals, over the number of incidents. */
    Mtbf mtbf() {
        List<Interval> sorted = impacts.stream().filter(interval -> interval.end().isAfter(interval.start()))
                .sorted(Comparator.comparing(Interval::start)).toList();
        Duration impact = Duration.ZERO;
        Instant coveredUntil = from;
        for (Interval interval : sorted) {
            Instant start = later(interval.start(), coveredUntil);
            if (interval.end().isAfter(start)) {
                impact = impact.plus(Duration.between(start, interval.end()));
                coveredUntil = interval.end();
            }
        }
        return new Mtbf(Duration.between(from, to), impact, count);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
