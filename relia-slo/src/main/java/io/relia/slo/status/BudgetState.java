package io.relia.slo.status;

/**
 * Where an SLO's error budget stands, per the error-budget policy (seed 003): healthy above 50% left, warning
 * 25–50%, critical below 25% (feature freeze), exhausted at or below 0 (all hands on reliability).
 */
public enum BudgetState {
    HEALTHY, WARNING, CRITICAL, EXHAUSTED,
    /** No data to judge by: no series matched, or no traffic in the window. */
    NO_DATA;

    /** Lower-case name as written in policy files and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
