package io.relia.incident.metrics;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentRules;
import io.relia.incident.IncidentSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Incident response metrics over a period, overall and per severity and service. Definitions, from the lifecycle
 * timestamps each incident stores (research A4; Datadog's Time to Detect/Resolve; Atlassian's MTBF):
 * <ul>
 * <li>An incident counts when it is not a drill and was declared in [{@code from}, {@code to}). Drills declared in
 * the period are only counted, in {@link #drills}.</li>
 * <li><b>MTTD</b>, time to detect: impact start → detection; only incidents whose impact start is recorded.</li>
 * <li><b>MTTA</b>, time to acknowledge: detection → acknowledgement; every acknowledged incident, open or not.</li>
 * <li><b>MTTR</b> is time to <b>recover</b> (Atlassian's "recovery": failure → service restored): impact start, or
 * detection when the start is unknown, → mitigation; resolved incidents only.</li>
 * <li><b>Time to resolve</b>: declaration → resolution; resolved incidents only.</li>
 * <li><b>MTBF</b> = uptime ÷ failures, with uptime = ({@code to} − {@code from}) − impact time, where impact time is
 * the union of the counted incidents' impact intervals (impact start or detection → mitigation, or {@code to} while
 * unmitigated), clipped to the period. Per service over the incidents listing that service; overall over all
 * counted incidents, the system seen as one.</li>
 * <li>Response breaches and overdue postmortems are judged by the {@link IncidentPolicy} as of {@code to}; an
 * incident resolved without a recorded acknowledgement is not counted as a breach, since its response is unknown.
 * </li>
 * </ul>
 * Incidents without services count overall and per severity, not per service; an incident with two services
 * counts for each. No metric sees a negative duration: an incident whose times are out of order for a metric (say,
 * resolved before declared) is left out of that metric and counted in {@link #leftOut}.
 *
 * @param from          start of the period, inclusive
 * @param to            end of the period, exclusive; usually now
 * @param overall       every counted incident
 * @param overallMtbf   MTBF of the system as one
 * @param bySeverity    per severity, every severity present (empty groups have count 0)
 * @param byService     per service, sorted by name, services with at least one incident
 * @param mtbfByService MTBF per service, same keys as {@code byService}
 * @param drills        drills declared in the period, excluded from everything else
 * @param leftOut       incidents a metric left out because their times break the lifecycle order it measures (a
 *                      duration that would be negative, or end in the future); never counted as a duration
 */
public record IncidentMetrics(Instant from, Instant to, IncidentStats overall, Mtbf overallMtbf,
                              Map<IncidentSeverity, IncidentStats> bySeverity, Map<String, IncidentStats> byService,
                              Map<String, Mtbf> mtbfByService, int drills, List<LeftOut> leftOut) {

    public IncidentMetrics {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts: " + from + " .. " + to);
        }
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(overallMtbf, "overallMtbf");
        bySeverity = Collections.unmodifiableMap(new EnumMap<>(bySeverity));
        byService = Collections.unmodifiableMap(new TreeMap<>(byService));
        mtbfByService = Collections.unmodifiableMap(new TreeMap<>(mtbfByService));
        leftOut = List.copyOf(leftOut);
    }

    /**
     * The metrics of {@code incidents} declared in [{@code from}, {@code to}), judged by {@code policy}, as of
     * {@code to}: see {@link #compute(List, Instant, Instant, Instant, IncidentPolicy)}.
     */
    public static IncidentMetrics compute(List<Incident> incidents, Instant from, Instant to, IncidentPolicy policy) {
        return compute(incidents, from, to, to, policy);
    }

    /**
     * The metrics of {@code incidents} declared in [{@code from}, {@code to}), judged by {@code policy}. A duration
     * whose end lies before its start, or after {@code now} plus {@link IncidentRules#CLOCK_SKEW}, is left out of
     * its metric and counted in {@link #leftOut}: stored records may predate the rules that forbid them.
     */
    public static IncidentMetrics compute(List<Incident> incidents, Instant from, Instant to, Instant now,
                                          IncidentPolicy policy) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts: " + from + " .. " + to);
        }
        Instant clock = now.isAfter(to) ? now : to;
        IncidentTally overall = new IncidentTally(policy, from, to, clock);
        Map<IncidentSeverity, IncidentTally> bySeverity = new EnumMap<>(IncidentSeverity.class);
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            bySeverity.put(severity, new IncidentTally(policy, from, to, clock));
        }
        Map<String, IncidentTally> byService = new TreeMap<>();
        int drills = 0;
        for (Incident incident : incidents) {
            Instant declared = incident.times().declared();
            if (declared.isBefore(from) || !declared.isBefore(to)) {
                continue;
            }
            if (incident.drill()) {
                drills++;
                continue;
            }
            overall.add(incident);
            bySeverity.get(incident.severity()).add(incident);
            for (String service : incident.services()) {
                byService.computeIfAbsent(service, name -> new IncidentTally(policy, from, to, clock)).add(incident);
            }
        }
        Map<IncidentSeverity, IncidentStats> severityStats = new EnumMap<>(IncidentSeverity.class);
        bySeverity.forEach((severity, tally) -> severityStats.put(severity, tally.stats()));
        Map<String, IncidentStats> serviceStats = new TreeMap<>();
        Map<String, Mtbf> serviceMtbf = new TreeMap<>();
        byService.forEach((service, tally) -> {
            serviceStats.put(service, tally.stats());
            serviceMtbf.put(service, tally.mtbf());
        });
        return new IncidentMetrics(from, to, overall.stats(), overall.mtbf(), severityStats, serviceStats,
                serviceMtbf, drills, overall.leftOut());
    }

    /** Length of the period. */
    public Duration period() {
        return Duration.between(from, to);
    }

    /** Services in name order. */
    public List<String> services() {
        return new ArrayList<>(byService.keySet());
    }
}
