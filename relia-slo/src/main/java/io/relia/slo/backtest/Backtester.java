package io.relia.slo.backtest;

import io.relia.slo.Slo;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.WindowedRatio;
import io.relia.slo.status.StatusEvaluator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays an SLO's alert conditions over its history on a grid of evaluation times, as Prometheus' rule evaluation
 * would have, and judges them against incidents: detection delay, pages that were likely noise (under 2% of the
 * budget spent over the surrounding day), and hours that burned 2% of the budget without a page.
 */
public final class Backtester {

    /** Share of the budget that makes an hour "significant" and a day "not worth a page" (SRE Workbook, 2%). */
    static final double SIGNIFICANT_SHARE = 0.02;
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);
    /** Incident periods closer than this are one incident. */
    static final Duration INCIDENT_GAP = Duration.ofMinutes(15);

    private final QueryEngine engine;
    private final Duration defaultPeriod;
    /**
     * SLOs that share an SLI (one service, several objectives) share its ratios: consecutive SLOs with the same SLI
     * query it once. Only the last SLI's ratios are kept, so memory stays at one SLO's worth.
     */
    private final Map<String, WindowedRatio> measured = new java.util.concurrent.ConcurrentHashMap<>();

    public Backtester(QueryEngine engine, Duration defaultPeriod) {
        this.engine = engine;
        this.defaultPeriod = defaultPeriod;
    }

    /**
     * A known incident.
     *
     * @param name  its name or ID
     * @param span  when it happened
     */
    public record KnownIncident(String name, Interval span) {
    }

    /** Backtests one SLO over {@code grid}; {@code known} replaces incident detection when not empty. */
    public BacktestResult run(StatusEvaluator.Target target, TimeGrid grid, List<KnownIncident> known)
            throws QueryException {
        try {
            return replay(target, grid, known);
        } catch (QueryException failed) {
            throw failed.forSlo(target.slo().id());
        }
    }

    private BacktestResult replay(StatusEvaluator.Target target, TimeGrid grid, List<KnownIncident> known)
            throws QueryException {
        Slo slo = target.slo();
        Duration period = slo.period().orElse(defaultPeriod);
        double budget = slo.errorBudgetRatio();
        List<AlertRule> rules = AlertRules.of(slo, period);
        TreeSet<Duration> windows = new TreeSet<>(List.of(AlertRules.NAIVE_WINDOW, HOUR, DAY));
        for (AlertRule rule : rules) {
            for (AlertRule.Condition condition : rule.conditions()) {
                windows.add(condition.longWindow());
                condition.shortWindow().ifPresent(windows::add);
            }
        }
        Map<Duration, WindowedRatio> ratios = new TreeMap<>();
        if (!measured.containsKey(target.queries().errorRatio(windows.first()) + "\n" + grid)) {
            measured.clear();
        }
        for (Duration window : windows) {
            String key = target.queries().errorRatio(window) + "\n" + grid;
            WindowedRatio ratio = measured.get(key);
            if (ratio == null) {
                ratio = WindowedRatio.measure(engine, target.queries(), window, grid);
                measured.put(key, ratio);
            }
            ratios.put(window, ratio);
        }
        double[] burnShort = burn(ratios.get(AlertRules.NAIVE_WINDOW), budget);
        double[] burnHour = burn(ratios.get(HOUR), budget);
        double[] burnDay = burn(ratios.get(DAY), budget);
        List<Interval> incidents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (known.isEmpty()) {
            double factor = AlertRules.incidentFactor(period);
            List<Interval> detected = Intervals.where(grid, i -> burnShort[i] > factor, INCIDENT_GAP);
            for (int i = 0; i < detected.size(); i++) {
                incidents.add(detected.get(i));
                names.add("burn-" + (i + 1));
            }
        } else {
            known.forEach(incident -> {
                incidents.add(incident.span());
                names.add(incident.name());
            });
        }
        double hourThreshold = SIGNIFICANT_SHARE * period.toSeconds() / HOUR.toSeconds();
        List<Interval> heavyHours = Intervals.where(grid, i -> burnHour[i] >= hourThreshold, Duration.ZERO);
        List<AlertResult> results = new ArrayList<>();
        for (AlertRule rule : rules) {
            boolean[] holds = conditions(rule, ratios, budget, slo.extensions().minTrafficPerSecond(), grid.size());
            boolean[] fires = Intervals.after(holds, rule.forDuration(), grid.step());
            List<Interval> firing = Intervals.where(grid, fires, Duration.ZERO);
            List<Optional<Duration>> detections = new ArrayList<>();
            for (Interval incident : incidents) {
                detections.add(detection(firing, incident));
            }
            boolean page = rule.severity().equals("page");
            List<Interval> noise = page ? noise(firing, grid, burnDay, period) : List.of();
            List<Interval> misses = page ? heavyHours.stream()
                    .filter(hour -> firing.stream().noneMatch(f -> f.overlaps(hour.start(), hour.end()))).toList()
                    : List.of();
            results.add(new AlertResult(rule, firing, detections, noise, misses));
        }
        return new BacktestResult(slo, period, grid, incidents, names, !known.isEmpty(), results, burnShort,
                burnHour, ratios.get(AlertRules.NAIVE_WINDOW).ratio());
    }

    private static double[] burn(WindowedRatio ratio, double budget) {
        double[] burn = new double[ratio.ratio().length];
        for (int i = 0; i < burn.length; i++) {
            burn[i] = ratio.ratio()[i] / budget;
        }
        return burn;
    }

    private static boolean[] conditions(AlertRule rule, Map<Duration, WindowedRatio> ratios, double budget,
                                        double minTraffic, int n) {
        boolean[] holds = new boolean[n];
        for (AlertRule.Condition condition : rule.conditions()) {
            WindowedRatio longRatio = ratios.get(condition.longWindow());
            double[] longValues = longRatio.ratio();
            double[] shortValues = condition.shortWindow().map(ratios::get).orElse(longRatio).ratio();
            double[] traffic = longRatio.eventRate();
            double threshold = condition.factor() * budget;
            for (int i = 0; i < n; i++) {
                boolean enoughTraffic = minTraffic == 0 || Double.isNaN(traffic[i]) || traffic[i] >= minTraffic;
                holds[i] |= longValues[i] > threshold && shortValues[i] > threshold && enoughTraffic;
            }
        }
        return holds;
    }

    /** Delay from the incident's start to the first firing that overlaps it or the hour after it. */
    private static Optional<Duration> detection(List<Interval> firing, Interval incident) {
        Instant until = incident.end().plus(HOUR);
        for (Interval fired : firing) {
            if (fired.overlaps(incident.start(), until)) {
                Duration delay = Duration.between(incident.start(), fired.start());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            }
        }
        return Optional.empty();
    }

    /** Firings while the budget spent over the day around them (12h either side) stayed under 2%. */
    private static List<Interval> noise(List<Interval> firing, TimeGrid grid, double[] burnDay, Duration period) {
        List<Interval> noise = new ArrayList<>();
        long halfDaySteps = Duration.ofHours(12).toMillis() / grid.step().toMillis();
        for (Interval fired : firing) {
            int start = (int) ((fired.start().toEpochMilli() - grid.start().toEpochMilli()) / grid.step().toMillis());
            int index = (int) Math.min(grid.size() - 1, start + halfDaySteps);
            double share = burnDay[index] * DAY.toSeconds() / period.toSeconds();
            if (share < SIGNIFICANT_SHARE) {
                noise.add(fired);
            }
        }
        return noise;
    }
}
