package io.relia.load.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** How requests arrive: an open model (arrival rate, independent of responses) or a closed one (fixed concurrency). */
public sealed interface LoadProfile {

    /** How long the profile runs, warm-up included. */
    Duration duration();

    /** A constant arrival rate in requests per second. */
    record Constant(double rate, Duration duration) implements LoadProfile {
        public Constant {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate must be positive: " + rate);
            }
            requirePositive(duration);
        }
    }

    /**
     * An arrival rate that moves linearly from {@code startRate} through each stage's target (k6's
     * ramping-arrival-rate). A stage whose target equals the previous rate holds it.
     */
    record Ramping(double startRate, List<Stage> stages) implements LoadProfile {
        public Ramping {
            if (!(startRate >= 0) || Double.isInfinite(startRate)) {
                throw new IllegalArgumentException("start rate must be zero or positive: " + startRate);
            }
            stages = List.copyOf(stages);
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a ramping profile needs at least one stage");
            }
        }

        @Override
        public Duration duration() {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** One stage of a ramping profile: reach {@code target} requests per second over {@code duration}. */
    record Stage(double target, Duration duration) {
        public Stage {
            if (!(target >= 0) || Double.isInfinite(target)) {
                throw new IllegalArgumentException("stage target must be zero or positive: " + target);
            }
            requirePositive(duration);
        }
    }

    /**
     * A closed model: each of the scenario's connections sends its next request when the previous response arrives
     * (after an optional think time). Its latency cannot be corrected for coordinated omission: there is no intended
     * send time. Use it to measure maximum throughput, as wrk does.
     */
    record Closed(Duration duration, Duration thinkTime) implements LoadProfile {
        public Closed {
            requirePositive(duration);
            Objects.requireNonNull(thinkTime, "thinkTime");
        }
    }

    private static void requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
    }
}
