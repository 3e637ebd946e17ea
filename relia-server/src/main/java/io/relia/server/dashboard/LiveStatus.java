package io.relia.server.dashboard;

import io.relia.slo.Slo;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.SloQueries;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Live SLO status for the dashboard, as {@code relia slo status} computes it ({@link StatusEvaluator}), kept for a
 * short while so that every open dashboard refreshing does not multiply the queries Prometheus answers.
 */
final class LiveStatus implements AutoCloseable {

    /** The window of SLOs that name none, as {@code relia slo status --default-period} defaults. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** How long one evaluation answers requests: the dashboard refreshes SLOs every minute. */
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** Points of each burn-down chart: enough for a smooth line, few enough for one range query per SLO. */
    private static final int BURN_DOWN_POINTS = 120;
    /** SLOs evaluated at once; the client bounds the queries in flight too. */
    private static final int PARALLELISM = 4;

    /**
     * One evaluation.
     *
     * @param at        the moment evaluated
     * @param statuses  each SLO's status, in catalogue order (empty when the evaluation failed)
     * @param burnDowns each SLO's budget left over its window, in catalogue order
     * @param failure   why there is no status (the source failed), if so
     */
    record Snapshot(Instant at, List<SloStatus> statuses, List<StatusEvaluator.BurnDown> burnDowns,
                    Optional<String> failure) {
        Snapshot {
            statuses = List.copyOf(statuses);
            burnDowns = List.copyOf(burnDowns);
        }
    }

    private final QueryEngine engine;
    private final List<StatusEvaluator.Target> targets;
    private final StatusEvaluator evaluator;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private Snapshot last;

    /** Burn-downs start where the data does (its coverage of the window), as {@code relia slo status} draws them. */
    LiveStatus(QueryEngine engine, List<Slo> slos, BudgetPolicy policy, Clock clock) {
        this.engine = engine;
        this.targets = slos.stream().map(slo -> new StatusEvaluator.Target(slo, SloQueries.of(slo))).toList();
        this.evaluator = new StatusEvaluator(engine, DEFAULT_PERIOD, policy, PARALLELISM);
        this.clock = clock;
    }

    /** Where the data comes from, e.g. {@code Prometheus at http://127.0.0.1:9090}. */
    String source() {
        return engine.describe();
    }

    /** The latest evaluation, made now unless one younger than {@link #FRESH_FOR} exists. */
    Snapshot current() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            Instant now = clock.instant();
            if (last == null || !last.at().plus(FRESH_FOR).isAfter(now) || last.at().isAfter(now)) {
                last = evaluate(now);
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    private Snapshot evaluate(Instant at) throws InterruptedException {
        try {
            List<SloStatus> statuses = evaluator.evaluateAll(targets, at);
            List<StatusEvaluator.BurnDown> burnDowns = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                burnDowns.add(evaluator.burnDown(targets.get(i), statuses.get(i), BURN_DOWN_POINTS));
            }
            return new Snapshot(at, statuses, burnDowns, Optional.empty());
        } catch (QueryException failed) {
            return new Snapshot(at, List.of(), List.of(), Optional.of(failed.getMessage()));
        }
    }

    @Override
    public void close() {
        if (engine instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing releases idle connections only; nothing is lost when it fails at shutdown.
            }
        }
    }
}
