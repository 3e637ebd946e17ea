package io.relia.load.capacity;

import io.relia.load.capacity.CapacityConfig.PlannedEvent;
import io.relia.load.capacity.CapacityConfig.Resource;
import io.relia.load.capacity.ResourceAnalysis.HeadroomCheck;
import io.relia.load.capacity.ResourceAnalysis.Leverage;
import io.relia.load.capacity.ResourceAnalysis.Scenario;
import io.relia.load.capacity.ResourceAnalysis.Usage;
import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Plans capacity for each resource of a {@link CapacityConfig}: forecasts its usage with the engine, applies the
 * planned events, adds the growth scenario, and computes runway, headroom and the instances to add. Pure: the
 * histories are read by the caller.
 */
public final class CapacityPlanner {

    /** How far back "today's" normal peak looks. */
    static final Duration RECENT = Duration.ofDays(7);
    /** Average month, for the growth scenario: 365.25 / 12 days. */
    static final double DAYS_PER_MONTH = 30.4375;

    private final Forecasting forecasting;

    public CapacityPlanner(Forecasting forecasting) {
        this.forecasting = Objects.requireNonNull(forecasting, "forecasting");
    }

    /** Analyses every resource; {@code histories} holds each resource's usage by name. */
    public CapacityAnalysis analyze(CapacityConfig config, Map<String, TimeSeries> histories) {
        List<ResourceAnalysis> resources = new ArrayList<>();
        for (Resource resource : config.resources()) {
            TimeSeries history = histories.get(resource.name());
            if (history == null) {
                throw new IllegalArgumentException("no history for resource " + resource.name());
            }
            resources.add(analyze(config, resource, history));
        }
        return new CapacityAnalysis(config, resources);
    }

    ResourceAnalysis analyze(CapacityConfig config, Resource resource, TimeSeries history) {
        int steps = Math.max(1, (int) Math.ceil((double) config.horizon().toMillis() / history.step().toMillis()));
        Forecast raw = forecasting.forecast(history, steps, config.level());
        List<PlannedEvent> events = config.events().stream().filter(event -> event.affects(resource.name()))
                .filter(event -> touches(event, raw.mean())).toList();
        Forecast forecast = withEvents(raw, events);
        Usage usage = usage(history);
        OptionalDouble usable = resource.capacity().isPresent()
                ? OptionalDouble.of(resource.capacity().getAsDouble() * config.targetUtilization())
                : OptionalDouble.empty();
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(scenario("forecast", forecast.mean(), forecast.mean().values(), forecast.upper(), usable,
                usage));
        config.monthlyGrowth().ifPresent(growth -> scenarios.add(growth(forecast, growth, usable, usage)));
        double utilization = config.targetUtilization();
        HeadroomCheck peak = check(config.headroom().peak(), usage.recentPeak(), usable, resource, utilization);
        HeadroomCheck stress = check(config.headroom().stress(), usage.recentPeak(), resource.capacity(), resource,
                1.0);
        ResourceAnalysis.Recommendation recommendation = Recommendations.of(config, resource, usable,
                scenarios.getFirst(), peak, forecast.mean().start());
        Leverage leverage = leverage(config, resource, history, steps, events, scenarios.getFirst(), usable, usage);
        return new ResourceAnalysis(resource, history, usage, forecast,
                events.stream().map(PlannedEvent::name).toList(), scenarios, usable, peak, stress, recommendation,
                leverage);
    }

    /**
     * Seasonal naive's plan under the same events and the same runway rule. The events are those that touch the
     * chosen forecast's horizon: both forecasts cover the same steps, so the same events touch both.
     */
    private Leverage leverage(CapacityConfig config, Resource resource, TimeSeries history, int steps,
                              List<PlannedEvent> events, Scenario chosen, OptionalDouble usable, Usage usage) {
        Forecast naive = withEvents(forecasting.seasonalNaive(history, steps, config.level()), events);
        Scenario scenario = scenario("seasonal naive", naive.mean(), naive.mean().values(), naive.upper(), usable,
                usage);
        if (resource.perInstance().isEmpty()) {
            return new Leverage(naive.model(), scenario, OptionalInt.empty(), OptionalInt.empty());
        }
        double perInstance = resource.perInstance().getAsDouble();
        double utilization = config.targetUtilization();
        return new Leverage(naive.model(), scenario,
                OptionalInt.of(instancesFor(chosen.peakUpper(), perInstance, utilization)),
                OptionalInt.of(instancesFor(scenario.peakUpper(), perInstance, utilization)));
    }

    /** p95 and max of the last week (or of the whole history when shorter). */
    static Usage usage(TimeSeries history) {
        int recent = (int) Math.min(history.size(), Math.max(1, RECENT.toMillis() / history.step().toMillis()));
        double[] values = history.values();
        double[] last = Arrays.copyOfRange(values, values.length - recent, values.length);
        double[] sorted = Arrays.stream(last).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double p95 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
                Math.ceil(0.95 * sorted.length) - 1)];
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        return new Usage(p95, max, history.step().multipliedBy(recent));
    }

    private static boolean touches(PlannedEvent event, TimeSeries horizon) {
        return event.from().isBefore(horizon.end()) && event.until().map(until -> until.isAfter(horizon.start()))
                .orElse(true);
    }

    /** Multiplies mean and both bounds by every event active at each step. */
    static Forecast withEvents(Forecast forecast, List<PlannedEvent> events) {
        if (events.isEmpty()) {
            return forecast;
        }
        TimeSeries mean = forecast.mean();
        double[] values = mean.values();
        double[] lower = forecast.lower();
        double[] upper = forecast.upper();
        for (int i = 0; i < values.length; i++) {
            Instant at = mean.time(i);
            double factor = 1;
            for (PlannedEvent event : events) {
                if (event.activeAt(at)) {
                    factor *= event.multiplier();
                }
            }
            values[i] *= factor;
            lower[i] *= factor;
            upper[i] *= factor;
        }
        return new Forecast(forecast.model(), new TimeSeries(mean.start(), mean.step(), values), lower, upper,
                forecast.level(), forecast.scores());
    }

    /** The growth scenario: the forecast compounded by (1 + g)^(months since the history's end). */
    private static Scenario growth(Forecast forecast, double monthly, OptionalDouble usable, Usage usage) {
        TimeSeries mean = forecast.mean();
        double[] grownMean = mean.values();
        double[] grownUpper = forecast.upper();
        for (int i = 0; i < grownMean.length; i++) {
            double months = Duration.between(mean.start(), mean.time(i)).toMillis() / 86_400_000.0 / DAYS_PER_MONTH;
            double factor = Math.pow(1 + monthly, months);
            grownMean[i] *= factor;
            grownUpper[i] *= factor;
        }
        String name = "growth " + new java.math.BigDecimal(Double.toString(monthly * 100)).stripTrailingZeros()
                .toPlainString() + "%/month";
        return scenario(name, mean, grownMean, grownUpper, usable, usage);
    }

    private static Scenario scenario(String name, TimeSeries grid, double[] mean, double[] upper,
                                     OptionalDouble usable, Usage usage) {
        double peakUpper = Arrays.stream(upper).max().orElse(0);
        Optional<Instant> runway = Optional.empty();
        if (usable.isPresent()) {
            if (usage.recentPeak() > usable.getAsDouble()) {
                runway = Optional.of(grid.start());
            } else {
                for (int i = 0; i < upper.length; i++) {
                    if (upper[i] > usable.getAsDouble()) {
                        runway = Optional.of(grid.time(i));
                        break;
                    }
                }
            }
        }
        return new Scenario(name, mean, upper, peakUpper, runway);
    }

    private static HeadroomCheck check(double multiplier, double peak, OptionalDouble available, Resource resource,
                                       double utilization) {
        double required = multiplier * peak;
        OptionalInt instances = resource.perInstance().isPresent()
                ? OptionalInt.of(instancesFor(required, resource.perInstance().getAsDouble(), utilization))
                : OptionalInt.empty();
        return new HeadroomCheck(multiplier, required, available, instances);
    }

    /** Instances that carry {@code load} at {@code utilization} of each one's capacity, at least one. */
    public static int instancesFor(double load, double perInstance, double utilization) {
        return Math.max(1, (int) Math.ceil(load / (perInstance * utilization) - 1e-9));
    }
}
