package io.relia.slo.status;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every view writes a share of an error budget: a percentage with one decimal at most ({@code 0.959 → 95.9%},
 * {@code 4.935 → 493.5%}, {@code 0.5 → 50%}), rounded half up, so that the review, {@code slo status},
 * {@code slo gate} and the dashboard print the same figure for the same budget.
 */
public final class BudgetPercent {

    private BudgetPercent() {
    }

    /** {@code ratio} (1 = the whole budget) as a percentage; {@code -} for NaN. */
    public static String format(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "-";
        }
        BigDecimal percent = new BigDecimal(ratio * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (percent.signum() == 0 ? "0" : percent.toPlainString()) + "%";
    }
}
