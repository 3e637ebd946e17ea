package io.relia.server.dashboard;

import io.relia.core.value.Durations;
import io.relia.slo.ErrorBudget;
import io.relia.slo.Slo;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /api/v1/slos}: each SLO as its spec states it, and its live status when there is one. */
final class SloJson {

    private SloJson() {
    }

    /** What the spec says: no measurement in it. */
    static Map<String, Object> slo(Slo slo) {
        ErrorBudget budget = ErrorBudget.of(slo, LiveStatus.DEFAULT_PERIOD);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", slo.id());
        json.put("service", slo.service());
        json.put("name", slo.name());
        json.put("description", slo.description());
        json.put("objectivePercent", slo.objective());
        json.put("period", Durations.format(budget.period()));
        json.put("periodDefaulted", slo.period().isEmpty());
        json.put("spec", slo.spec());
        json.put("file", slo.location().file());
        Map<String, Object> allowed = new LinkedHashMap<>();
        allowed.put("ratio", budget.ratio().doubleValue());
        allowed.put("minutes", budget.minutes().doubleValue());
        json.put("budget", allowed);
        json.put("status", null);
        return json;
    }

    /** The SLO with its measured status and budget burn-down. */
    static Map<String, Object> slo(SloStatus status, StatusEvaluator.BurnDown burnDown) {
        Map<String, Object> json = slo(status.slo());
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("state", status.state().label());
        live.put("sli", finite(status.sli()));
        live.put("errorRatio", finite(status.errorRatio()));
        live.put("budgetSpentRatio", finite(status.budgetSpent()));
        live.put("budgetRemainingRatio", finite(status.budgetRemaining()));
        live.put("budgetRemainingMinutes", finite(status.budgetMinutesRemaining()));
        live.put("projectedSpentRatio", finite(status.projectedSpent()));
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("window", Durations.format(status.coverage().window()));
        coverage.put("covered", Durations.format(status.coverage().covered()));
        coverage.put("share", status.coverage().share());
        coverage.put("measured", status.coverage().measured());
        coverage.put("text", status.coverage().describe());
        live.put("coverage", coverage);
        live.put("timeToExhaustion", status.timeToExhaustion().map(Durations::format).orElse(null));
        List<Map<String, Object>> burns = new ArrayList<>();
        for (SloStatus.WindowBurn window : status.burnRates()) {
            Map<String, Object> burn = new LinkedHashMap<>();
            burn.put("window", Durations.format(window.window()));
            burn.put("burnRate", finite(window.burnRate()));
            burns.add(burn);
        }
        live.put("burnRates", burns);
        live.put("firing", status.firing().stream().map(alert -> Map.of("severity", alert.severity(),
                "longWindow", Durations.format(alert.longWindow()),
                "shortWindow", Durations.format(alert.shortWindow()))).toList());
        live.put("burnDown", burnDown(burnDown));
        json.put("status", live);
        return json;
    }

    /** Budget left (percent) at each time, ending at the budget left above; times before any data are null. */
    private static Map<String, Object> burnDown(StatusEvaluator.BurnDown burnDown) {
        List<Double> remaining = new ArrayList<>();
        for (double value : burnDown.remaining()) {
            remaining.add(finite(value * 100));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("times", burnDown.times().stream().map(Object::toString).toList());
        json.put("remainingPercent", remaining);
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
