package io.relia.server;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.metrics.DurationStats;
import io.relia.incident.metrics.IncidentMetrics;
import io.relia.incident.metrics.IncidentStats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Incident gauges on {@code /metrics}: open incidents per severity, and the median MTTD, MTTA and MTTR and response
 * breaches of the last 30 days per severity (the definitions of {@code relia incident stats}). Computed from the
 * store at most every 15 s, so a fast scraper cannot turn into database load.
 */
final class IncidentGauges {

    static final Duration WINDOW = Duration.ofDays(30);
    private static final Duration REFRESH = Duration.ofSeconds(15);
    private static final int MAX_INCIDENTS = 100_000;

    private record Snapshot(Instant at, Map<IncidentSeverity, Integer> open, IncidentMetrics metrics) {
    }

    private final IncidentStore store;
    private final IncidentPolicy policy;
    private final Clock clock;
    private volatile Snapshot snapshot;

    IncidentGauges(IncidentStore store, IncidentPolicy policy, Clock clock, PrometheusRegistry registry) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        GaugeWithCallback.builder().name("relia_incidents_open").help("Open incidents (not resolved or closed)")
                .labelNames("severity")
                .callback(out -> current().open().forEach((severity, count) -> out.call(count, severity.name())))
                .register(registry);
        duration(registry, "relia_incident_mttd_median_seconds", "Median time to detect, incidents of the last 30 days",
                IncidentStats::mttd);
        duration(registry, "relia_incident_mtta_median_seconds",
                "Median time to acknowledge, incidents of the last 30 days", IncidentStats::mtta);
        duration(registry, "relia_incident_mttr_median_seconds",
                "Median time to recover (impact start to mitigation), incidents of the last 30 days",
                IncidentStats::mttr);
        GaugeWithCallback.builder().name("relia_incident_response_breaches")
                .help("Incidents of the last 30 days acknowledged after their response target, or not yet and late")
                .labelNames("severity")
                .callback(out -> current().metrics().bySeverity().forEach((severity, stats) ->
                        out.call(stats.responseBreaches(), severity.name())))
                .register(registry);
    }

    private void duration(PrometheusRegistry registry, String name, String help,
                          Function<IncidentStats, DurationStats> stat) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("severity")
                .callback(out -> current().metrics().bySeverity().forEach((severity, stats) -> {
                    DurationStats durations = stat.apply(stats);
                    if (durations.count() > 0) {
                        out.call(durations.median().toMillis() / 1000.0, severity.name());
                    }
                }))
                .register(registry);
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot last = snapshot;
        if (last != null && last.at().plus(REFRESH).isAfter(now)) {
            return last;
        }
        List<Incident> recent = store.list(IncidentQuery.ALL.since(now.minus(WINDOW)).limit(MAX_INCIDENTS));
        Map<IncidentSeverity, Integer> open = new EnumMap<>(IncidentSeverity.class);
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            open.put(severity, 0);
        }
        store.list(IncidentQuery.ALL.openOnly(true).limit(MAX_INCIDENTS))
                .forEach(incident -> open.merge(incident.severity(), 1, Integer::sum));
        Snapshot next = new Snapshot(now, open, IncidentMetrics.compute(recent, now.minus(WINDOW), now, policy));
        snapshot = next;
        return next;
    }
}
