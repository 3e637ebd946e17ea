package io.relia.slo.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a deploy may go out under an error-budget policy, with the reason in one line for a CI log.
 *
 * @param allowed  true when the deploy may proceed
 * @param warning  true when it proceeds despite a reason to worry (reliability fix through a freeze, no data)
 * @param reason   one line: what decided
 * @param blocking the SLOs that freeze deploys (empty when none)
 */
public record GateDecision(boolean allowed, boolean warning, String reason, List<SloStatus> blocking) {

    public GateDecision {
        blocking = List.copyOf(blocking);
    }

    /** Applies {@code policy} to {@code statuses}; {@code reliabilityFix} marks the change as a reliability fix. */
    public static GateDecision decide(List<SloStatus> statuses, BudgetPolicy policy, boolean reliabilityFix) {
        List<SloStatus> blocking = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        for (SloStatus status : statuses) {
            if (status.state() == BudgetState.NO_DATA) {
                noData.add(status.slo().id());
                if (policy.freezeOnNoData()) {
                    blocking.add(status);
                    reasons.add(status.slo().id() + " has no data (policy freezes without data)");
                }
            } else if (policy.freezeStates().contains(status.state())) {
                blocking.add(status);
                reasons.add(status.slo().id() + (status.budgetRemaining() > 0
                        ? " has " + percent(status.budgetRemaining()) + " of its error budget left"
                        : " has spent " + percent(status.budgetSpent()) + " of its error budget")
                        + " (" + describe(status.state(), policy) + "); " + status.coverage().describe());
            } else if (policy.freezeOnPage() && status.paging()) {
                blocking.add(status);
                reasons.add(status.slo().id() + " is paging: a fast-burn alert fires; "
                        + status.coverage().describe());
            }
        }
        String others = reasons.size() > 1 ? "; " + (reasons.size() - 1) + " more SLO(s) block too" : "";
        if (!blocking.isEmpty()) {
            if (reliabilityFix && policy.allowReliabilityFixes()) {
                return new GateDecision(true, true, "deploy allowed as a reliability fix despite a freeze: "
                        + reasons.getFirst() + others + " (" + policy.source() + ")", blocking);
            }
            return new GateDecision(false, false, "deploy frozen: " + reasons.getFirst() + others + " ("
                    + policy.source() + ")", blocking);
        }
        if (!noData.isEmpty()) {
            return new GateDecision(true, true, "deploy allowed, but " + String.join(", ", noData)
                    + " had no data to judge by (" + policy.source() + ")", blocking);
        }
        String lowest = statuses.stream().min(Comparator.comparingDouble(SloStatus::budgetRemaining))
                .map(s -> "; lowest budget left: " + s.slo().id() + " " + percent(s.budgetRemaining()) + ", "
                        + s.state().label() + ", " + s.coverage().describe())
                .orElse("");
        return new GateDecision(true, false, "deploy allowed: " + statuses.size() + " SLO(s) within the error-budget "
                + "policy" + lowest + " (" + policy.source() + ")", blocking);
    }

    private static String describe(BudgetState state, BudgetPolicy policy) {
        return switch (state) {
            case CRITICAL -> "critical: below " + percent(policy.criticalBelow());
            case WARNING -> "warning: at or below " + percent(policy.warningAt());
            case EXHAUSTED -> "exhausted";
            case HEALTHY -> "healthy";
            case NO_DATA -> "no data";
        };
    }

    private static String percent(double ratio) {
        return BudgetPercent.format(ratio);
    }
}
