package io.relia.server;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.metrics.IncidentMetrics;
import io.relia.incident.metrics.IncidentStats;
import io.relia.incident.metrics.MetricsReport;
import io.relia.incident.metrics.Mtbf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/stats} answers, computed once per period and reused until a write through this server changes an
 * incident, or for at most 10 s (writes by other processes, and the period's end moving on). Each answer reflects
 * every write this server completed before the request arrived: a request that finds the answer stale waits for the
 * one computation in progress and uses it when that started after its own arrival, so a burst of requests costs one
 * computation. Per-service numbers are the largest services only: an answer is a summary, not one entry per service
 * ever named.
 */
final class StatsCache {

    /** Services listed in {@code byService} when the request does not say: the most incidents first. */
    static final int DEFAULT_SERVICES = 50;
    /** Most services a request may ask for. */
    static final int MAX_SERVICES = 1_000;
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Periods (since=) remembered at once. */
    private static final int MAX_ENTRIES = 16;
    private static final int MAX_INCIDENTS = 100_000;

    private record Key(Duration period, int services) {
    }

    private record Answer(long version, long computedAt, Map<String, Object> json) {
    }

    private final WatchedStore store;
    private final IncidentPolicy policy;
    private final Clock clock;
    private final Map<Key, Answer> entries = new LinkedHashMap<>(MAX_ENTRIES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    StatsCache(WatchedStore store, IncidentPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** The stats JSON over the last {@code period}, with the {@code services} largest services. */
    Map<String, Object> answer(Duration period, int services) {
        long arrived = System.nanoTime();
        Key key = new Key(period, services);
        synchronized (entries) {
            Answer entry = entries.get(key);
            // Computed after this request arrived (while it waited for the lock), or nothing written since it was.
            if (entry != null && (entry.computedAt() - arrived >= 0 || entry.version() == store.version()
                    && System.nanoTime() - entry.computedAt() < MAX_AGE_NANOS)) {
                return entry.json();
            }
            long version = store.version();
            long started = System.nanoTime();
            Map<String, Object> answer = compute(period, services);
            entries.put(key, new Answer(version, started, answer));
            return answer;
        }
    }

    private Map<String, Object> compute(Duration period, int services) {
        Instant now = clock.instant();
        Instant from = now.minus(period);
        IncidentMetrics metrics = IncidentMetrics.compute(store.list(IncidentQuery.ALL.openOnly(false).since(from)
                .limit(MAX_INCIDENTS)), from, now, policy);
        Map<String, IncidentStats> largest = new TreeMap<>();
        Map<String, Mtbf> largestMtbf = new TreeMap<>();
        metrics.byService().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, IncidentStats> service) -> service.getValue().count())
                        .reversed().thenComparing(Map.Entry::getKey))
                .limit(services)
                .forEach(service -> {
                    largest.put(service.getKey(), service.getValue());
                    largestMtbf.put(service.getKey(), metrics.mtbfByService().get(service.getKey()));
                });
        IncidentMetrics shown = new IncidentMetrics(metrics.from(), metrics.to(), metrics.overall(),
                metrics.overallMtbf(), metrics.bySeverity(), largest, largestMtbf, metrics.drills(), metrics.leftOut());
        Map<String, Object> answer = new LinkedHashMap<>(MetricsReport.report(shown).data());
        answer.put("servicesOmitted", metrics.byService().size() - largest.size());
        return Collections.unmodifiableMap(answer);
    }
}
