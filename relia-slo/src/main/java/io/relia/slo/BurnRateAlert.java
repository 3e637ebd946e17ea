package io.relia.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * One window pair of a custom burn-rate alert, as written in a native spec's {@code burn_rate_alerts} or an OpenSLO
 * alert condition: it fires
 * when the error ratio over both windows exceeds {@code factor ×} the error budget.
 *
 * @param longWindow  the window named in the spec ({@code 1h})
 * @param shortWindow the confirmation window, long / 12 (SRE Workbook, "Alerting on SLOs"); equal to the long
 *                    window for a single-window alert (an OpenSLO {@code burnrate} condition has one window)
 * @param factor      the burn rate ({@code 14.4})
 * @param page        true for a page (severity critical), false for a ticket
 * @param severity    the spec's severity label value
 */
public record BurnRateAlert(Duration longWindow, Duration shortWindow, double factor, boolean page,
                            String severity) {

    public BurnRateAlert {
        Objects.requireNonNull(longWindow, "longWindow");
        Objects.requireNonNull(shortWindow, "shortWindow");
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a burn rate is positive: " + factor);
        }
    }
}
