package io.relia.slo.status;

import io.relia.slo.Slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An SLO's error budget at one moment (slo-generator's report fields, plus the alerts that would fire).
 *
 * @param slo               the SLO
 * @param period            its window
 * @param at                the moment evaluated
 * @param errorRatio        errors / events over the period, 0..1; NaN without data
 * @param events            events over the period (ratio SLIs: empty)
 * @param badEvents         bad events over the period (ratio SLIs: empty)
 * @param budgetRemaining   share of the budget left, 1 = untouched, 0 = spent, negative = overspent; NaN no data
 * @param budgetMinutes     minutes of full outage the whole budget allows over the period
 * @param state             the policy state
 * @param burnRates         error ratio and burn rate over each alert window, shortest first
 * @param firing            alerts whose conditions hold at {@code at}
 * @param timeToExhaustion  how long the remaining budget lasts at the current (1h) burn rate; empty when it is
 *                          not burning or already spent
 */
public record SloStatus(Slo slo, Duration period, Instant at, double errorRatio, OptionalDouble events,
                        OptionalDouble badEvents, double budgetRemaining, double budgetMinutes, BudgetState state,
                        List<WindowBurn> burnRates, List<FiringAlert> firing, Optional<Duration> timeToExhaustion) {

    public SloStatus {
        burnRates = List.copyOf(burnRates);
        firing = List.copyOf(firing);
    }

    /**
     * The error ratio and burn rate over one window.
     *
     * @param window     the window
     * @param errorRatio errors / events, 0..1, NaN without data
     * @param burnRate   errorRatio / error budget: 1 spends the budget exactly over the period
     * @param eventRate  events per second over the window, NaN for ratio SLIs
     */
    public record WindowBurn(Duration window, double errorRatio, double burnRate, double eventRate) {
    }

    /**
     * An alert whose condition holds: both windows burn faster than the factor.
     *
     * @param severity    page or ticket
     * @param longWindow  the long window
     * @param shortWindow the short window
     * @param factor      the burn-rate threshold
     * @param longBurn    burn rate over the long window
     * @param shortBurn   burn rate over the short window
     */
    public record FiringAlert(String severity, Duration longWindow, Duration shortWindow, double factor,
                              double longBurn, double shortBurn) {
    }

    /** The SLI over the period, 0..1 (1 − error ratio). */
    public double sli() {
        return 1 - errorRatio;
    }

    /** Minutes of full outage still allowed (negative when overspent). */
    public double budgetMinutesRemaining() {
        return budgetMinutes * budgetRemaining;
    }

    /** Bad events still allowed over the period; empty for ratio SLIs. */
    public OptionalDouble budgetEventsRemaining() {
        if (events.isEmpty() || badEvents.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(events.getAsDouble() * slo.errorBudgetRatio() - badEvents.getAsDouble());
    }

    /**
     * Share of the whole period's budget spent when data covers only {@code covered} of the period (a short
     * recording, a young service, short retention): the burn rate over the data times the covered share of the
     * period. Equals 1 − {@link #budgetRemaining()} when the data covers the whole period.
     */
    public double budgetSpentOver(Duration covered) {
        double share = Math.min(1, covered.toMillis() / (double) period.toMillis());
        return errorRatio / slo.errorBudgetRatio() * share;
    }

    /** True when a page alert fires. */
    public boolean paging() {
        return firing.stream().anyMatch(alert -> alert.severity().equals("page"));
    }
}
