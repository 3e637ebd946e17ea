package io.relia.incident.metrics;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects one group's incidents and turns them into {@link IncidentStats} and {@link Mtbf}. */
final class IncidentTally {

    private record Interval(Instant start, Instant end) {
    }

    private final IncidentPolicy policy;
    private final Instant from;
    private final Instant to;
    private final List<Duration> detect = new ArrayList<>();
    private final List<Duration> acknowledge = new ArrayList<>();
    private final List<Duration> recover = new ArrayList<>();
    private final List<Duration> resolve = new ArrayList<>();
    private final List<Interval> impacts = new ArrayList<>();
    private int count;
    private int open;
    private int breaches;
    private int overdue;

    IncidentTally(IncidentPolicy policy, Instant from, Instant to) {
        this.policy = policy;
        this.from = from;
        this.to = to;
    }

    void add(Incident incident) {
        IncidentTimes times = incident.times();
        count++;
        Instant impactStart = times.impactStartedAt().orElse(times.detected());
        times.impactStartedAt().ifPresent(start -> detect.add(Duration.between(start, times.detected())));
        times.acknowledgedAt().ifPresent(ack -> acknowledge.add(Duration.between(times.detected(), ack)));
        if (times.resolved() == null) {
            open++;
        } else {
            recover.add(Duration.between(impactStart, times.mitigatedAt().orElse(times.resolved())));
            resolve.add(Duration.between(times.declared(), times.resolved()));
        }
        impacts.add(new Interval(later(impactStart, from), earlier(times.mitigatedAt().orElse(to), to)));
        if (breached(incident)) {
            breaches++;
        }
        if (policy.postmortemOverdue(incident, to)) {
            overdue++;
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
