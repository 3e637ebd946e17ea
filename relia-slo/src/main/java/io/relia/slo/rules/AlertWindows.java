package io.relia.slo.rules;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The multi-window, multi-burn-rate alert windows of the Google SRE Workbook ("Alerting on SLOs", table 5-8) as
 * Sloth ships them: each alert fires when both its short and long window burn faster than a factor derived from
 * the share of the error budget it may spend. The windows stay the same for every SLO period; the factors scale.
 */
public record AlertWindows(Window pageQuick, Window pageSlow, Window ticketQuick, Window ticketSlow) {

    /**
     * One window pair.
     *
     * @param budgetPercent share of the period's error budget spent when the alert fires, in percent
     * @param shortWindow   the short (confirmation) window
     * @param longWindow    the long window
     */
    public record Window(double budgetPercent, Duration shortWindow, Duration longWindow) {

        /**
         * The burn-rate factor for an SLO period: {@code budget% / 100 × period hours / long window hours}, computed
         * in this order so the doubles equal Sloth's ({@code 13.44}, {@code 5.6000000000000005} at 28d).
         */
        public double factor(Duration period) {
            return (budgetPercent / 100 * hours(period)) / hours(longWindow);
        }

        private static double hours(Duration duration) {
            return duration.toMillis() / 3_600_000.0;
        }
    }

    /** SRE Workbook / Sloth defaults: page 2% in 1h (5m) or 5% in 6h (30m); ticket 10% in 1d (2h) or 3d (6h). */
    public static final AlertWindows GOOGLE = new AlertWindows(
            new Window(2, Duration.ofMinutes(5), Duration.ofHours(1)),
            new Window(5, Duration.ofMinutes(30), Duration.ofHours(6)),
            new Window(10, Duration.ofHours(2), Duration.ofDays(1)),
            new Window(10, Duration.ofHours(6), Duration.ofDays(3)));

    public List<Window> all() {
        return List.of(pageQuick, pageSlow, ticketQuick, ticketSlow);
    }

    /** Every distinct window, shortest first, then the period: the SLI recording windows. */
    public List<Duration> recordingWindows(Duration period) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (Window window : all()) {
            windows.add(window.shortWindow());
            windows.add(window.longWindow());
        }
        windows.add(period);
        return List.copyOf(windows);
    }
}
