package io.relia.slo.status;

/**
 * Where an SLO's error budget stands, per the error-budget policy (seed 003): healthy above 50% left, warning
 * 25–50%, critical below 25% (feature freeze), exhausted at or below 0 (all hands on reliability).
 */
public enum BudgetState {
    HEALTHY, WARNING, CRITICAL, EXHAUSTED,
    /** No data to judge by: no series matched, or no traffic in the window. */
    NO_DATA;

    /** How reports show it: good when healthy, a warning for warning or no data, bad when critical or spent. */
    public io.relia.core.report.Document.Tone tone() {
        return switch (this) {
            case HEALTHY -> io.relia.core.report.Document.Tone.GOOD;
            case WARNING, NO_DATA -> io.relia.core.report.Document.Tone.WARN;
            case CRITICAL, EXHAUSTED -> io.relia.core.report.Document.Tone.BAD;
        };
    }

    /** Lower-case name as written in policy files and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
