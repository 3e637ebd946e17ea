package io.relia.load.capacity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A validated capacity plan ({@code reliability/capacity.yaml}, {@code schemas/capacity.schema.json}): what to
 * forecast, how far, and the capacity each resource has. Built by {@link CapacityConfigReader} or by the CLI from
 * its flags.
 *
 * @param service           the service's name, may be empty
 * @param horizon           how far to forecast
 * @param targetUtilization highest planned utilisation, ratio 0..1 (usable capacity = capacity × this)
 * @param level             nominal coverage of the prediction interval, ratio 0..1
 * @param headroom          the spike multipliers the capacity must absorb
 * @param monthlyGrowth     growth per month of the growth scenario, ratio (0.2 = 20%/month), when given
 * @param resources         the resources, at least one
 * @param events            planned events that multiply usage
 */
public record CapacityConfig(String service, Duration horizon, double targetUtilization, double level,
                             Headroom headroom, OptionalDouble monthlyGrowth, List<Resource> resources,
                             List<PlannedEvent> events) {

    /** Defaults: 90 days, 70% utilisation, 95% interval. */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(90);
    public static final double DEFAULT_TARGET_UTILIZATION = 0.7;
    public static final double DEFAULT_LEVEL = 0.95;

    public CapacityConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(headroom, "headroom");
        Objects.requireNonNull(monthlyGrowth, "monthlyGrowth");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("target utilization is a ratio in (0, 1]: " + targetUtilization);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level is a ratio in (0, 1): " + level);
        }
        resources = List.copyOf(resources);
        events = List.copyOf(events);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("a capacity plan needs at least one resource");
        }
    }

    /**
     * How many times today's normal peak the capacity must absorb.
     *
     * @param peak   spike multiplier planned for (seed 001: "peak load (3x)"), against usable capacity
     * @param stress stress multiplier ("stress test (10x)"), against the whole capacity
     */
    public record Headroom(double peak, double stress) {

        public static final Headroom DEFAULT = new Headroom(3, 10);

        public Headroom {
            if (!(peak >= 1) || !(stress >= 1)) {
                throw new IllegalArgumentException("headroom multipliers are at least 1: " + peak + ", " + stress);
            }
        }
    }

    /** The kind of a resource, as written in {@code kind:}. */
    public enum Kind {
        COMPUTE, STORAGE, DATABASE_CONNECTIONS, OTHER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One resource to plan.
     *
     * @param name        what is measured
     * @param kind        compute, storage, database connections or other
     * @param unit        unit of usage and capacity ({@code req/s}); may be empty
     * @param capacity    total capacity in {@code unit}, when known (given, or instances × per-instance)
     * @param instances   instances running today, when known
     * @param perInstance capacity of one instance in {@code unit}, when known
     * @param unitCost    cost of one instance per month, when known
     * @param source      where the usage history comes from
     */
    public record Resource(String name, Kind kind, String unit, OptionalDouble capacity, OptionalInt instances,
                           OptionalDouble perInstance, Optional<Cost> unitCost, Source source) {

        public Resource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(unitCost, "unitCost");
            Objects.requireNonNull(source, "source");
            if (capacity.isEmpty() && instances.isPresent() && perInstance.isPresent()) {
                capacity = OptionalDouble.of(instances.getAsInt() * perInstance.getAsDouble());
            }
        }
    }

    /**
     * Cost of one instance per month.
     *
     * @param amount   per instance per month
     * @param currency e.g. USD, or empty
     */
    public record Cost(double amount, String currency) {

        public Cost {
            Objects.requireNonNull(currency, "currency");
            if (!(amount >= 0)) {
                throw new IllegalArgumentException("a cost is not negative: " + amount);
            }
        }

        /** {@code 120 USD}, {@code 120}. */
        public String format(double value) {
            String number = String.format(java.util.Locale.ROOT, "%,.0f", value);
            return currency.isEmpty() ? number : number + " " + currency;
        }
    }

    /** Where a resource's usage history comes from. */
    public sealed interface Source {
    }

    /**
     * A CSV file ({@code timestamp,value}).
     *
     * @param file the file, resolved against the plan's directory
     */
    public record CsvSource(Path file) implements Source {
    }

    /**
     * A Prometheus range query.
     *
     * @param url   server root URL, when the plan names one
     * @param query PromQL
     * @param range how much history to read
     * @param step  resolution
     */
    public record PrometheusSource(Optional<String> url, String query, Duration range, Duration step)
            implements Source {
    }

    /** History handed over by the caller (the CLI's {@code --prometheus} or a test). */
    public record GivenSource(String description) implements Source {
    }

    /**
     * A planned event (a launch, a campaign): usage is multiplied from {@code from} until {@code until}.
     *
     * @param name       what it is
     * @param from       when it starts
     * @param until      when it ends (exclusive), or empty for "to the horizon"
     * @param multiplier factor on usage, positive
     * @param resources  the resources it affects; empty for all
     */
    public record PlannedEvent(String name, Instant from, Optional<Instant> until, double multiplier,
                               List<String> resources) {

        public PlannedEvent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            resources = List.copyOf(resources);
            if (!(multiplier > 0)) {
                throw new IllegalArgumentException("an event's multiplier is positive: " + multiplier);
            }
        }

        public boolean affects(String resource) {
            return resources.isEmpty() || resources.contains(resource);
        }

        public boolean activeAt(Instant time) {
            return !time.isBefore(from) && until.map(time::isBefore).orElse(true);
        }
    }
}
