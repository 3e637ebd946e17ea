package io.relia.incident.postmortem;

import io.relia.incident.IncidentException;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of one linked SLO's error budget an incident spent, as the caller computed it (the CLI, which knows the
 * SLOs). The postmortem shows it as given, with its basis, and does not compute budgets itself.
 *
 * @param slo           the SLO, {@code service/slo}
 * @param objective     the target, ratio 0..1 exclusive (0.999 for 99.9%)
 * @param window        the SLO's compliance window, e.g. 28 days
 * @param spentFraction the part of the window's error budget the incident spent, ratio ≥ 0 (above 1 when it spent
 *                      more than the whole budget)
 * @param basis         how it was estimated, e.g. "assuming full unavailability during impact"
 */
public record BudgetImpact(String slo, double objective, Duration window, double spentFraction, String basis) {

    public BudgetImpact {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(window, "window");
        if (!(objective > 0 && objective < 1)) {
            throw new IncidentException("the objective of " + slo + " must lie between 0 and 1 exclusive: "
                    + objective);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IncidentException("the window of " + slo + " must be positive");
        }
        if (!(spentFraction >= 0) || Double.isInfinite(spentFraction)) {
            throw new IncidentException("the budget spent on " + slo + " must be a finite ratio >= 0: "
                    + spentFraction);
        }
        basis = basis == null ? "" : basis.strip();
    }
}
