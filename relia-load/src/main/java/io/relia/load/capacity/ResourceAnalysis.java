package io.relia.load.capacity;

import io.relia.load.capacity.CapacityConfig.Resource;
import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Capacity planning's result for one resource: usage today, the forecast with planned events applied, runway under
 * each scenario, headroom for spikes, and what to do about it.
 *
 * @param resource       the resource as planned
 * @param history        its usage history on a regular grid
 * @param usage          today's usage
 * @param forecast       the engine's forecast with planned events applied (model and every candidate's scores)
 * @param events         names of the planned events that changed the forecast
 * @param scenarios      the forecast scenario first, then the growth scenario when the plan has one
 * @param usable         capacity × target utilisation, in the resource's unit, when the capacity is known
 * @param peak           can the capacity absorb the peak multiplier × today's normal peak (against usable)
 * @param stress         can it absorb the stress multiplier × today's normal peak (against the whole capacity)
 * @param recommendation what to do, and what it costs
 * @param leverage       the plan seasonal naive would give instead, with the same events
 */
public record ResourceAnalysis(Resource resource, TimeSeries history, Usage usage, Forecast forecast,
                               List<String> events, List<Scenario> scenarios, OptionalDouble usable,
                               HeadroomCheck peak, HeadroomCheck stress, Recommendation recommendation,
                               Leverage leverage) {

    public ResourceAnalysis {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(leverage, "leverage");
        events = List.copyOf(events);
        scenarios = List.copyOf(scenarios);
    }

    /** The forecast scenario (events applied, no extra growth). */
    public Scenario baseline() {
        return scenarios.getFirst();
    }

    /**
     * Usage today, from the end of the history.
     *
     * @param recentPeak the "normal peak": p95 of the last {@code window} (p95 ignores one-off spikes)
     * @param max        the highest value of the last {@code window}
     * @param window     how far back "today" looks: 7 days, or the whole history when shorter
     */
    public record Usage(double recentPeak, double max, Duration window) {
    }

    /**
     * One future: the forecast's mean and upper bound under an assumption, and when the upper bound first crosses
     * usable capacity.
     *
     * @param name      {@code forecast} or {@code growth 20%/month}
     * @param mean      mean per forecast step
     * @param upper     upper bound of the interval per forecast step
     * @param peakUpper the highest upper bound over the horizon
     * @param runway    when the upper bound first exceeds usable capacity; empty when it does not within the
     *                  horizon or the capacity is not known
     */
    public record Scenario(String name, double[] mean, double[] upper, double peakUpper, Optional<Instant> runway) {

        public Scenario {
            mean = mean.clone();
            upper = upper.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /**
     * Whether the capacity absorbs a multiple of today's normal peak.
     *
     * @param multiplier      times the normal peak
     * @param required        multiplier × normal peak, in the resource's unit
     * @param available       what it is compared with (usable or whole capacity), when known
     * @param instancesNeeded instances that would absorb it, when the per-instance capacity is known
     */
    public record HeadroomCheck(double multiplier, double required, OptionalDouble available,
                                OptionalInt instancesNeeded) {

        /** True when the capacity is known and absorbs it. */
        public boolean ok() {
            return available.isPresent() && required <= available.getAsDouble();
        }
    }

    /**
     * What to do.
     *
     * @param text           one sentence for people
     * @param addInstances   instances to add (0 when none)
     * @param before         when they are needed by, when there is a deadline
     * @param monthlyCost    added cost per month, when the unit cost is known
     */
    public record Recommendation(String text, int addInstances, Optional<Instant> before,
                                 OptionalDouble monthlyCost) {
    }

    /**
     * How much the plan depends on the chosen model: the forecast scenario next to the same scenario forecast by plain
     * seasonal naive ("same hour last week"). Where they differ, the choice of model changes what to buy and when.
     *
     * @param model                   the seasonal naive model, e.g. {@code snaive(168)}
     * @param naive                   its scenario, events applied: mean, upper bound, highest upper bound, runway
     * @param instancesAtHorizon      instances that keep the chosen forecast's highest upper bound within target
     *                                utilisation, when the per-instance capacity is known
     * @param naiveInstancesAtHorizon the same for seasonal naive's highest upper bound
     */
    public record Leverage(String model, Scenario naive, OptionalInt instancesAtHorizon,
                           OptionalInt naiveInstancesAtHorizon) {

        public Leverage {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(naive, "naive");
            if (instancesAtHorizon.isPresent() != naiveInstancesAtHorizon.isPresent()) {
                throw new IllegalArgumentException("instances at the horizon are known for both forecasts or neither");
            }
        }
    }
}
