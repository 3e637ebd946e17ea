package io.relia.chaos.experiment;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When and where an experiment should run regularly (the native {@code schedule:}); Relia reports it and checks
 * it in reviews, an external scheduler runs it.
 *
 * @param environment  where it runs ({@code staging})
 * @param frequency    as written: daily, weekly, monthly or an ISO/Relia duration
 * @param period       the frequency as a period (monthly = 30 d)
 * @param notification where results go ({@code #sre-chaos-results}), may be empty
 */
public record Schedule(String environment, String frequency, Optional<Duration> period, String notification) {

    public Schedule {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(notification, "notification");
    }
}
