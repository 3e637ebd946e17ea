package io.relia.slo.backtest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One alert under test: it fires when any of its conditions holds (for {@code forDuration} when set).
 *
 * @param strategy    which alerting approach it belongs to ({@code mwmbr}, {@code single-window}, {@code spec},
 *                    {@code naive})
 * @param severity    page or ticket
 * @param conditions  any of these firing fires the alert
 * @param forDuration Prometheus' {@code for:}; zero fires on the first evaluation
 */
public record AlertRule(String strategy, String severity, List<Condition> conditions, Duration forDuration) {

    public AlertRule {
        conditions = List.copyOf(conditions);
    }

    /**
     * Burn rate above {@code factor} over {@code longWindow} and, when present, over {@code shortWindow} too.
     *
     * @param longWindow  the window the burn is measured over
     * @param shortWindow the confirmation window, or empty for a single-window condition
     * @param factor      the burn-rate threshold
     */
    public record Condition(Duration longWindow, Optional<Duration> shortWindow, double factor) {
    }

    /** A name for tables: {@code mwmbr page}. */
    public String name() {
        return strategy + " " + severity;
    }
}
