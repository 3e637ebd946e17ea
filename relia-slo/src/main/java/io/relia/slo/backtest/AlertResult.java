package io.relia.slo.backtest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one alert behaved over the history.
 *
 * @param rule       the alert
 * @param firing     every firing interval
 * @param detections per incident, the delay from its start to the first firing (empty = never fired)
 * @param noise      page firings while the budget spent over the surrounding day stayed under 2% (likely noise)
 * @param misses     periods that burned at least 2% of the budget in an hour without this alert firing
 */
public record AlertResult(AlertRule rule, List<Interval> firing, List<Optional<Duration>> detections,
                          List<Interval> noise, List<Interval> misses) {

    public AlertResult {
        firing = List.copyOf(firing);
        detections = List.copyOf(detections);
        noise = List.copyOf(noise);
        misses = List.copyOf(misses);
    }

    /** Total time firing. */
    public Duration firingTime() {
        return firing.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** Incidents this alert fired for. */
    public long detected() {
        return detections.stream().filter(Optional::isPresent).count();
    }
}
