package io.relia.server.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.relia.core.Problem;
import io.relia.server.Json;
import io.relia.server.ServerPart;
import io.relia.server.ServerSetup;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.status.BudgetPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/slos}: the SLOs of {@code --slo} with objective, window and error budget, and, when {@code
 * --prometheus} names a server, their live status and budget burn-down. Without a source it says so and measures
 * nothing: the dashboard never shows a number nobody measured.
 */
public final class SloApi implements ServerPart {

    /** Said when no live source is configured. */
    static final String NO_SOURCE = "no live data (start relia serve with --prometheus URL)";

    private final SloCatalog catalog;
    private final BudgetPolicy policy;
    private final Optional<LiveStatus> live;
    private final Optional<String> unusableSource;
    private final Clock clock;

    public SloApi(ServerSetup setup) {
        this(SloCatalog.load(setup.sloFiles()), setup.sloData().map(RecordedData::load), setup.prometheus(),
                setup.clock());
    }

    /**
     * Serves {@code catalog} measured over {@code recorded} data (OpenMetrics with timestamps) as of its last sample,
     * as {@code relia slo status --data} reports it.
     */
    SloApi(SloCatalog catalog, RecordedData recorded) {
        this(catalog, Optional.of(recorded), Optional.empty(), Clock.systemUTC());
    }

    private SloApi(SloCatalog catalog, Optional<RecordedData> recorded, Optional<URI> prometheus, Clock clock) {
        this.catalog = catalog;
        this.policy = BudgetPolicy.DEFAULT;
        Optional<LiveStatus> source = Optional.empty();
        Optional<String> unusable = Optional.empty();
        if (recorded.isPresent()) {
            Instant last = recorded.get().last().orElseThrow(() -> new IllegalArgumentException("no samples in "
                    + recorded.get().source()));
            clock = Clock.fixed(last, ZoneOffset.UTC);
            source = Optional.of(new LiveStatus(new OfflineEngine(recorded.get()), catalog.slos(), policy, clock));
        } else if (prometheus.isPresent()) {
            try {
                source = Optional.of(new LiveStatus(prometheus(prometheus.get()), catalog.slos(), policy, clock));
            } catch (IllegalArgumentException bad) {
                unusable = Optional.of("no live data: " + bad.getMessage());
            }
        }
        this.clock = clock;
        this.live = source;
        this.unusableSource = unusable;
    }

    private static PrometheusClient prometheus(URI url) {
        // A dashboard request waits for these: short timeouts, one retry, a few queries at once.
        return PrometheusClient.builder(url).connectTimeout(Duration.ofSeconds(3))
                .requestTimeout(Duration.ofSeconds(10)).maxRetries(1).maxInFlight(4).build();
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/slos", this::list);
    }

    void list(Context ctx) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", 1);
        List<Map<String, Object>> slos = new ArrayList<>();
        if (live.isPresent()) {
            LiveStatus.Snapshot snapshot = live.get().current();
            body.put("at", snapshot.at().toString());
            body.put("live", snapshot.failure().isEmpty());
            body.put("source", live.get().source());
            body.put("message", snapshot.failure().map(why -> "no live data: " + why).orElse(null));
            for (int i = 0; i < catalog.slos().size(); i++) {
                slos.add(snapshot.failure().isPresent() ? SloJson.slo(catalog.slos().get(i))
                        : SloJson.slo(snapshot.statuses().get(i), snapshot.burnDowns().get(i)));
            }
        } else {
            body.put("at", clock.instant().toString());
            body.put("live", false);
            body.put("source", null);
            body.put("message", unusableSource.orElse(NO_SOURCE));
            catalog.slos().stream().map(SloJson::slo).forEach(slos::add);
        }
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("source", policy.source());
        thresholds.put("warningAt", policy.warningAt());
        thresholds.put("criticalBelow", policy.criticalBelow());
        body.put("policy", thresholds);
        body.put("slos", slos);
        body.put("problems", catalog.problems().stream().map(problem -> Map.of("level", problem.level().label(),
                "text", problem.format())).toList());
        Json.send(ctx, 200, body);
    }

    @Override
    public void close() {
        live.ifPresent(LiveStatus::close);
    }
}
