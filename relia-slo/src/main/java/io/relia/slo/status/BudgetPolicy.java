package io.relia.slo.status;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An error-budget policy: the budget thresholds of each state and what freezes deploys. The default is seed 003's:
 * warning at 50% left, critical below 25% (feature freeze), exhausted at 0; reliability fixes still ship.
 *
 * @param warningAt             budget left (ratio 0..1) at or below which the state is warning
 * @param criticalBelow         budget left (ratio 0..1) below which the state is critical
 * @param freezeStates          states that freeze deploys
 * @param freezeOnPage          a firing page alert freezes deploys whatever the budget
 * @param allowReliabilityFixes a change marked as a reliability fix passes a freeze, with a warning
 * @param freezeOnNoData        an SLO without data freezes deploys (fail closed) instead of passing with a warning
 * @param source                where the policy came from, for messages ("default policy" or a file)
 */
public record BudgetPolicy(double warningAt, double criticalBelow, Set<BudgetState> freezeStates,
                           boolean freezeOnPage, boolean allowReliabilityFixes, boolean freezeOnNoData,
                           String source) {

    /** Seed 003's policy. */
    public static final BudgetPolicy DEFAULT = new BudgetPolicy(0.5, 0.25,
            EnumSet.of(BudgetState.CRITICAL, BudgetState.EXHAUSTED), false, true, false, "default policy");

    public BudgetPolicy {
        if (!(criticalBelow >= 0 && criticalBelow <= warningAt && warningAt <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= critical <= warning <= 1: critical "
                    + criticalBelow + ", warning " + warningAt);
        }
        freezeStates = Set.copyOf(freezeStates);
        Objects.requireNonNull(source, "source");
    }

    /** The state of a budget with {@code remaining} (ratio, may be negative) left; NaN is no data. */
    public BudgetState stateOf(double remaining) {
        if (Double.isNaN(remaining)) {
            return BudgetState.NO_DATA;
        }
        if (remaining <= 0) {
            return BudgetState.EXHAUSTED;
        }
        if (remaining < criticalBelow) {
            return BudgetState.CRITICAL;
        }
        if (remaining <= warningAt) {
            return BudgetState.WARNING;
        }
        return BudgetState.HEALTHY;
    }
}
