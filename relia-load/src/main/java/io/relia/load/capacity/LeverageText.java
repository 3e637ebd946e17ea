package io.relia.load.capacity;

import io.relia.load.capacity.ResourceAnalysis.Leverage;
import io.relia.load.capacity.ResourceAnalysis.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Says how the plan would change with plain seasonal naive in place of the chosen model, for people: the forecast's
 * leverage on runway, the highest upper bound and the instances needed at the horizon. Used by the capacity report
 * and the review, so that both say it the same way.
 */
public final class LeverageText {

    private LeverageText() {
    }

    /** True when seasonal naive gives the same runway (to the day) and the same instances at the horizon. */
    public static boolean samePlan(ResourceAnalysis resource) {
        Leverage leverage = resource.leverage();
        return resource.usable().isPresent() && sameDay(resource.baseline().runway(), leverage.naive().runway())
                && leverage.instancesAtHorizon().equals(leverage.naiveInstancesAtHorizon());
    }

    /** The measure's name: {@code seasonal naive (snaive(168)) instead}, without "instead" when the plan agrees. */
    public static String label(ResourceAnalysis resource) {
        return "seasonal naive (" + resource.leverage().model() + ")" + (samePlan(resource)
                || resource.usable().isEmpty() ? "" : " instead");
    }

    /**
     * What changes: {@code runway 2027-03-02 (41 days earlier), upper bound peaks at 131 req/s (+21%), 2 instances
     * at the horizon instead of 1}; when nothing does, {@code same plan (...)}.
     */
    public static String line(ResourceAnalysis resource) {
        Leverage leverage = resource.leverage();
        String peak = "upper bound peaks at " + Recommendations.number(leverage.naive().peakUpper())
                + unit(resource) + change(resource.baseline().peakUpper(), leverage.naive().peakUpper());
        if (resource.usable().isEmpty()) {
            return peak + "; runway unknown (no capacity)";
        }
        if (samePlan(resource)) {
            return "same plan (" + runwayOf(leverage.naive()) + instancesOf(leverage.naiveInstancesAtHorizon(),
                    ", ") + "); " + peak;
        }
        List<String> parts = new ArrayList<>();
        parts.add(runway(resource.baseline().runway(), leverage.naive().runway()));
        parts.add(peak);
        if (leverage.naiveInstancesAtHorizon().isPresent()) {
            int naive = leverage.naiveInstancesAtHorizon().getAsInt();
            int chosen = leverage.instancesAtHorizon().getAsInt();
            parts.add(naive == chosen ? "also " + instances(naive) + " at the horizon"
                    : instances(naive) + " at the horizon instead of " + chosen);
        }
        return String.join(", ", parts);
    }

    /** The report's line: {@code Seasonal naive (snaive(168)) instead: runway 2027-03-02 (41 days earlier), ...}. */
    public static String sentence(ResourceAnalysis resource) {
        return "S" + label(resource).substring(1) + ": " + line(resource);
    }

    /** A table cell: {@code same plan}, or seasonal naive's runway and instances at the horizon. */
    public static String brief(ResourceAnalysis resource) {
        if (resource.usable().isEmpty()) {
            return "upper bound " + Recommendations.number(resource.leverage().naive().peakUpper()) + unit(resource);
        }
        if (samePlan(resource)) {
            return "same plan";
        }
        Leverage leverage = resource.leverage();
        return runwayOf(leverage.naive()) + instancesOf(leverage.naiveInstancesAtHorizon(), "; ");
    }

    private static String runway(Optional<Instant> chosen, Optional<Instant> naive) {
        if (sameDay(chosen, naive)) {
            return "the same runway (" + naive.map(Dates::day).orElse("beyond the horizon") + ")";
        }
        if (chosen.isEmpty() || naive.isEmpty()) {
            return "runway " + naive.map(Dates::day).orElse("beyond the horizon") + " instead of "
                    + chosen.map(Dates::day).orElse("beyond the horizon");
        }
        Duration gap = Duration.between(naive.get(), chosen.get());
        return "runway " + Dates.day(naive.get()) + " (" + span(gap.abs()) + (gap.isNegative() ? " later)"
                : " earlier)");
    }

    private static String runwayOf(Scenario naive) {
        return "runway " + naive.runway().map(Dates::day).orElse("beyond the horizon");
    }

    private static String instancesOf(OptionalInt instances, String separator) {
        return instances.isPresent() ? separator + instances(instances.getAsInt()) + " at the horizon" : "";
    }

    private static boolean sameDay(Optional<Instant> one, Optional<Instant> other) {
        return one.map(Dates::day).equals(other.map(Dates::day));
    }

    /** Whole days, or hours when less than a day apart. */
    private static String span(Duration gap) {
        long days = Math.round(gap.toMinutes() / 1440.0);
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = Math.max(1, Math.round(gap.toMinutes() / 60.0));
        return hours + (hours == 1 ? " hour" : " hours");
    }

    /** Seasonal naive's peak against the chosen one's, in percent: {@code (+21%)}. */
    private static String change(double chosen, double naive) {
        if (!(chosen > 0)) {
            return "";
        }
        long percent = Math.round((naive / chosen - 1) * 100);
        return String.format(Locale.ROOT, " (%s%d%%)", percent > 0 ? "+" : percent == 0 ? "±" : "", percent);
    }

    private static String instances(int count) {
        return count + (count == 1 ? " instance" : " instances");
    }

    private static String unit(ResourceAnalysis resource) {
        return resource.resource().unit().isEmpty() ? "" : " " + resource.resource().unit();
    }
}
