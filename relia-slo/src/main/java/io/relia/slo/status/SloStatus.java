package io.relia.slo.status;

import io.relia.slo.Slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An SLO's error budget at one moment (slo-generator's report fields, plus the alerts that would fire), the one
 * meaning of "budget" that {@code relia review}, {@code slo status}, {@code slo gate} and the dashboard all show.
 *
 * <p>The rule: <b>budget spent = the failures observed in the window ÷ the failures the objective allows over the
 * whole window</b> (SRE Workbook, "Implementing SLOs": the error budget is the number of failures the SLO allows
 * over its window), the window's events estimated from the observed event rate when data covers only part of it.
 * Equivalently, the burn rate over the data × the covered share of the window. With data over the whole window this
 * is Prometheus' errors ÷ events over the window ÷ (1 − objective); with 6 hours of a 30-day window it does not call
 * a budget exhausted that the window still has room for. What the window would spend if the data's rate went on is
 * {@link #projectedSpent()}: information, never the verdict.
 *
 * @param slo              the SLO
 * @param at               the moment evaluated
 * @param errorRatio       errors / events over the data in the window, 0..1; NaN without data
 * @param events           events observed in the window (ratio SLIs: empty)
 * @param badEvents        bad events observed in the window (ratio SLIs: empty)
 * @param coverage         how much of the window the data covers
 * @param budgetMinutes    minutes of full outage the whole budget allows over the window
 * @param state            the policy state of {@link #budgetRemaining()}
 * @param burnRates        error ratio and burn rate over each alert window, shortest first, the SLO window last
 * @param firing           alerts whose conditions hold at {@code at}
 * @param timeToExhaustion how long the remaining budget lasts at the current (1h) burn rate; empty when it is not
 *                         burning or already spent
 */
public record SloStatus(Slo slo, Instant at, double errorRatio, OptionalDouble events, OptionalDouble badEvents,
                        Coverage coverage, double budgetMinutes, BudgetState state, List<WindowBurn> burnRates,
                        List<FiringAlert> firing, Optional<Duration> timeToExhaustion) {

    public SloStatus {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(state, "state");
        if (Double.isNaN(errorRatio) != (state == BudgetState.NO_DATA)) {
            throw new IllegalArgumentException("state " + state + " does not fit error ratio " + errorRatio);
        }
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

    /** The SLO window. */
    public Duration period() {
        return coverage.window();
    }

    /** The SLI over the data in the window, 0..1 (1 − error ratio). */
    public double sli() {
        return 1 - errorRatio;
    }

    /** The burn rate over the data in the window: errors / events ÷ (1 − objective); NaN without data. */
    public double burnRate() {
        return errorRatio / slo.errorBudgetRatio();
    }

    /** Share of the whole window's budget spent, ratio (1 = all of it, above 1 = overspent); NaN without data. */
    public double budgetSpent() {
        return burnRate() * coverage.share();
    }

    /** Share of the budget left, 1 = untouched, 0 = spent, negative = overspent; NaN without data. */
    public double budgetRemaining() {
        return 1 - budgetSpent();
    }

    /**
     * Share of the budget the whole window would spend if the rate of the data went on (the burn rate over the data);
     * equal to {@link #budgetSpent()} when the data covers the whole window. Information, never the verdict.
     */
    public double projectedSpent() {
        return burnRate();
    }

    /** Minutes of full outage still allowed (negative when overspent). */
    public double budgetMinutesRemaining() {
        return budgetMinutes * budgetRemaining();
    }

    /**
     * Bad events the objective allows over the whole window: the budget ratio × the window's events, estimated from
     * the observed events when data covers part of it; empty for ratio SLIs or without data.
     */
    public OptionalDouble budgetEventsAllowed() {
        if (events.isEmpty() || coverage.covered().isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(slo.errorBudgetRatio() * events.getAsDouble() / coverage.share());
    }

    /** Bad events still allowed over the window (negative when overspent); empty for ratio SLIs. */
    public OptionalDouble budgetEventsRemaining() {
        OptionalDouble allowed = budgetEventsAllowed();
        if (allowed.isEmpty() || badEvents.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(allowed.getAsDouble() - badEvents.getAsDouble());
    }

    /** True when a page alert fires. */
    public boolean paging() {
        return firing.stream().anyMatch(alert -> alert.severity().equals("page"));
    }
}
