package io.relia.slo.review;

import io.relia.core.Finding;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.Verdict;
import io.relia.core.value.Durations;
import io.relia.slo.Slo;
import io.relia.slo.backtest.AlertResult;
import io.relia.slo.backtest.BacktestResult;
import io.relia.slo.backtest.Backtester;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.SloQueries;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.status.BudgetPercent;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.BudgetState;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The review's use of recorded metrics ({@code .om}/{@code .csv} under the service): each SLO's budget at the end
 * of the recording and its page alert replayed over it, the same computation as {@code relia slo status --data}
 * and {@code relia slo backtest --data}.
 */
final class RecordedDataReview {

    /** Backtests step at 1m like Prometheus' default rule evaluation; longer recordings step coarser. */
    private static final int MAX_STEPS = 50_000;

    private final List<Problem> problems = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<List<Document.Cell>> rows = new ArrayList<>();
    private final List<Map<String, Object>> data = new ArrayList<>();
    private int measured;

    /** Evaluates {@code slos} over the recordings; SLOs no recording measures are left out. */
    static RecordedDataReview of(List<Slo> slos, List<DiscoveredInput> recordings, Duration defaultPeriod) {
        RecordedDataReview review = new RecordedDataReview();
        List<Slo> remaining = new ArrayList<>(slos);
        for (DiscoveredInput recording : recordings) {
            if (remaining.isEmpty()) {
                break;
            }
            RecordedData recorded;
            try {
                recorded = RecordedData.load(recording.path());
            } catch (InputException invalid) {
                review.problems.addAll(invalid.problems());
                continue;
            }
            OfflineEngine engine = new OfflineEngine(recorded);
            List<StatusEvaluator.Target> targets = targets(remaining, recorded, recording);
            for (StatusEvaluator.Target target : targets) {
                if (review.evaluate(engine, target, recording, recorded, defaultPeriod)) {
                    remaining.remove(target.slo());
                }
            }
        }
        return review;
    }

    private static List<StatusEvaluator.Target> targets(List<Slo> slos, RecordedData recorded,
                                                        DiscoveredInput recording) {
        if (recorded.format() == RecordedData.Format.OPENMETRICS) {
            return slos.stream().map(slo -> new StatusEvaluator.Target(slo, SloQueries.of(slo))).toList();
        }
        boolean labelled = recorded.series().stream().anyMatch(s -> s.labels().containsKey("slo"));
        String stem = recording.path().getFileName().toString().replaceFirst("\\.csv$", "");
        List<StatusEvaluator.Target> targets = new ArrayList<>();
        for (Slo slo : slos) {
            if (labelled) {
                targets.add(new StatusEvaluator.Target(slo, SloQueries.csv(slo.id())));
            } else if (stem.equals(slo.id())) {
                targets.add(new StatusEvaluator.Target(slo, SloQueries.csv(null)));
            }
        }
        return targets;
    }

    /** True when the recording measured the SLO. */
    private boolean evaluate(OfflineEngine engine, StatusEvaluator.Target target, DiscoveredInput recording,
                             RecordedData recorded, Duration defaultPeriod) {
        Slo slo = target.slo();
        Instant first = recorded.first().orElseThrow();
        Instant last = recorded.last().orElseThrow();
        SloStatus status;
        BacktestResult backtest;
        try {
            status = new StatusEvaluator(engine, defaultPeriod, BudgetPolicy.DEFAULT, 1).evaluate(target, last);
            if (status.state() == BudgetState.NO_DATA) {
                return false;
            }
            long span = Duration.between(first, last).toMillis();
            Duration step = Duration.ofMillis(Math.max(60_000, (span / MAX_STEPS / 60_000 + 1) * 60_000));
            backtest = new Backtester(engine, defaultPeriod).run(target, new TimeGrid(first, last, step), List.of());
        } catch (QueryException failed) {
            if (failed.isUserError()) {
                problems.add(Problem.warning(slo.location(), "cannot evaluate " + slo.id() + " over "
                        + recording.path() + ": " + failed.getMessage(), "", "relia slo status "
                        + slo.location().file() + " --slo " + slo.id() + " --data " + recording.path()));
            }
            return false;
        }
        measured++;
        // The budget, its state and the coverage are the status' own: the review says what slo status, slo gate
        // and the dashboard say about the same data.
        double spent = status.budgetSpent();
        BudgetState state = status.state();
        AlertResult page = backtest.alerts().stream().filter(a -> a.rule().strategy().equals("mwmbr")
                && a.rule().severity().equals("page")).findFirst().orElseThrow();
        String percent = BudgetPercent.format(spent);
        evidence.add(String.format(Locale.ROOT, "%s: spent %s of its %s error budget, %s left (%s), %s, recorded "
                        + "in %s; page alert fired %d time(s), caught %d/%d burns", slo.id(), percent,
                Durations.format(status.period()), BudgetPercent.format(status.budgetRemaining()), state.label(),
                status.coverage().describe(), recording.path(), page.firing().size(), page.detected(),
                backtest.incidents().size()));
        rows.add(List.of(Document.Cell.of(slo.id()), Document.Cell.of(recording.path().toString()),
                Document.Cell.of(coverage(status)),
                Document.Cell.of(String.format(Locale.ROOT, "%.4f%%", status.sli() * 100)),
                new Document.Cell(percent, state.tone()), new Document.Cell(state.label(), state.tone()),
                Document.Cell.of(page.firing().size() + " / " + page.detected() + " of "
                        + backtest.incidents().size() + " / " + page.misses().size())));
        findings(status, page, recording);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", slo.id());
        entry.put("data", recording.path().toString());
        entry.put("covered", Durations.format(status.coverage().covered()));
        entry.put("window", Durations.format(status.period()));
        entry.put("coveredShare", status.coverage().share());
        entry.put("sli", status.sli());
        entry.put("budgetSpent", spent);
        entry.put("budgetRemaining", status.budgetRemaining());
        entry.put("state", state.label());
        entry.put("pages", page.firing().size());
        entry.put("burnsDetected", page.detected());
        entry.put("burns", backtest.incidents().size());
        entry.put("unpagedHeavyHours", page.misses().size());
        data.add(entry);
        return true;
    }

    /** "6h of 30d (0.8%)": the covered span, the window and the share. */
    private static String coverage(SloStatus status) {
        return Durations.format(status.coverage().covered()) + " of " + Durations.format(status.period()) + " ("
                + status.coverage().sharePercent() + ")";
    }

    private void findings(SloStatus status, AlertResult page, DiscoveredInput recording) {
        Slo slo = status.slo();
        BudgetState state = status.state();
        Location where = slo.location();
        if (state == BudgetState.EXHAUSTED) {
            findings.add(new Finding("slo/budget-exhausted", Severity.HIGH, slo.id() + " has spent its whole error "
                    + "budget in the recorded data (" + status.coverage().describe() + ")", where,
                    "freeze feature deploys and fix reliability first (relia slo gate)"));
        } else if (state == BudgetState.CRITICAL) {
            findings.add(new Finding("slo/budget-critical", Severity.MEDIUM, slo.id() + " has under 25% of its error "
                    + "budget left in the recorded data (" + status.coverage().describe() + ")", where,
                    "the budget policy freezes feature deploys (relia slo gate)"));
        }
        if (!page.misses().isEmpty()) {
            findings.add(new Finding("slo/unpaged-burn", Severity.MEDIUM, slo.id() + ": " + page.misses().size()
                    + " hour(s) in " + recording.path() + " burned 2% of the budget without a page", where,
                    "run relia slo backtest " + slo.location().file() + " --slo " + slo.id() + " --data "
                            + recording.path() + " and tighten the page windows"));
        }
    }


    int measured() {
        return measured;
    }

    List<Problem> problems() {
        return problems;
    }

    List<String> evidence() {
        return evidence;
    }

    List<Map<String, Object>> data() {
        return data;
    }

    /** The budget table, or empty when no SLO was measured. */
    Optional<Document.Table> table() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Document.Table(List.of("SLO", "Recorded data",
                "Data covers", "SLI", "Budget spent", "State", "Pages / burns caught / unpaged 2% hours"), rows));
    }

    /** The error-budget-tracking verdict: pass when measured and healthy enough, fail when exhausted. */
    Verdict budgetVerdict() {
        if (measured == 0) {
            return Verdict.notChecked(ChecklistItem.ERROR_BUDGET_TRACKING, "no recorded data measures the SLOs; "
                    + "run relia slo status --prometheus URL", List.of());
        }
        boolean exhausted = findings.stream().anyMatch(f -> f.ruleId().equals("slo/budget-exhausted"));
        CheckStatus status = exhausted ? CheckStatus.FAIL : findings.isEmpty() ? CheckStatus.PASS : CheckStatus.WARN;
        return new Verdict(ChecklistItem.ERROR_BUDGET_TRACKING, status, measured + " SLO(s) measured from recorded "
                + "data" + (findings.isEmpty() ? "" : "; " + findings.size() + " finding(s)"), evidence, findings);
    }
}
