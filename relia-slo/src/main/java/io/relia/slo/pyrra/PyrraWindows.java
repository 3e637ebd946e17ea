package io.relia.slo.pyrra;

import io.relia.slo.BurnRateAlert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pyrra's four multi-window burn-rate alerts (slo/rules.go, {@code Windows}): the SRE Workbook's windows at 28 days
 * (1h/5m ×14 and 6h/30m ×7 critical, 1d/2h ×2 and 4d/6h ×1 warning), each window and {@code for} scaled by
 * {@code period / 28d} and rounded to the minute; the factors stay.
 */
final class PyrraWindows {

    /**
     * One window pair as Pyrra computes it.
     *
     * @param longWindow  the long window
     * @param shortWindow the short window
     * @param forDuration how long both must burn before the alert fires
     * @param factor      the burn rate
     * @param page        true for the two critical pairs
     */
    record Window(Duration longWindow, Duration shortWindow, Duration forDuration, double factor, boolean page) {
    }

    /** Divisors of the period for (long, short, for), per pair: 28d / divisor is the 28-day value. */
    private static final long[][] DIVISORS = {
        {28 * 24, 28 * 24 * 12, 28 * 24 * 30},
        {28 * 4, 28 * 24 * 2, 28 * 24 * 4},
        {28, 28 * 12, 28 * 24},
        {7, 28 * 4, 28 * 8},
    };
    private static final double[] FACTORS = {14, 7, 2, 1};

    /** The shortest period whose shortest window rounds to a minute: 8064 × 30s. */
    static final Duration SHORTEST_PERIOD = Duration.ofSeconds(8064L * 30);

    private PyrraWindows() {
    }

    /** Pyrra's windows for an SLO period; empty when the period is so short that a window rounds to nothing. */
    static Optional<List<Window>> of(Duration period) {
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < DIVISORS.length; i++) {
            Duration longWindow = scaled(period, DIVISORS[i][0]);
            Duration shortWindow = scaled(period, DIVISORS[i][1]);
            if (longWindow.isZero() || shortWindow.isZero()) {
                return Optional.empty();
            }
            windows.add(new Window(longWindow, shortWindow, scaled(period, DIVISORS[i][2]), FACTORS[i], i < 2));
        }
        return Optional.of(List.copyOf(windows));
    }

    /** The windows as Relia's burn-rate alerts, with each tier's severity. */
    static List<BurnRateAlert> alerts(List<Window> windows, String pageSeverity, String ticketSeverity) {
        return windows.stream().map(window -> new BurnRateAlert(window.longWindow(), window.shortWindow(),
                window.factor(), window.page(), window.page() ? pageSeverity : ticketSeverity)).toList();
    }

    /** {@code (period / divisor).Round(time.Minute)} as Go computes it: integer nanoseconds, halves away from 0. */
    private static Duration scaled(Duration period, long divisor) {
        long nanos = period.toNanos() / divisor;
        long minute = 60_000_000_000L;
        long minutes = nanos / minute + (2 * (nanos % minute) >= minute ? 1 : 0);
        return Duration.ofMinutes(minutes);
    }
}
