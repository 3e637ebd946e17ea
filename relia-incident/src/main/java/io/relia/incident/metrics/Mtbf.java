package io.relia.incident.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Mean time between failures over a period, as Atlassian defines it for repairable systems: uptime ÷ number of
 * failures, where uptime is the period minus the time with user impact.
 *
 * @param period   length of the measured period
 * @param impact   time within the period during which at least one counted incident had user impact (overlapping
 *                 incidents count once)
 * @param failures number of counted incidents
 */
public record Mtbf(Duration period, Duration impact, int failures) {

    public Mtbf {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(impact, "impact");
        if (impact.isNegative() || impact.compareTo(period) > 0) {
            throw new IllegalArgumentException("impact " + impact + " must lie within the period " + period);
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0: " + failures);
        }
    }

    /** Period minus impact. */
    public Duration uptime() {
        return period.minus(impact);
    }

    /** Uptime ÷ failures; empty when there were no failures. */
    public Optional<Duration> mean() {
        return failures == 0 ? Optional.empty() : Optional.of(uptime().dividedBy(failures));
    }
}
