package io.relia.load.capacity;

import io.relia.load.capacity.CapacityConfig.Resource;
import io.relia.load.capacity.ResourceAnalysis.HeadroomCheck;
import io.relia.load.capacity.ResourceAnalysis.Recommendation;
import io.relia.load.capacity.ResourceAnalysis.Scenario;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns runway and headroom into one action: how many instances to add and by when. Headroom that is missing today
 * is due now; otherwise the runway's date is the deadline.
 */
final class Recommendations {

    private Recommendations() {
    }

    static Recommendation of(CapacityConfig config, Resource resource, OptionalDouble usable, Scenario baseline,
                             HeadroomCheck peak, Instant now) {
        String unit = resource.unit().isEmpty() ? "" : " " + resource.unit();
        double utilization = config.targetUtilization();
        if (usable.isEmpty()) {
            return new Recommendation("set capacity (or instances and per_instance) to compute runway and headroom",
                    0, Optional.empty(), OptionalDouble.empty());
        }
        boolean runwayShort = baseline.runway().isPresent();
        if (!runwayShort && peak.ok()) {
            return new Recommendation(String.format(Locale.ROOT, "no action needed: the forecast's upper bound peaks "
                    + "at %s%s, below the usable %s%s, and %s× today's peak fits", number(baseline.peakUpper()), unit,
                    number(usable.getAsDouble()), unit, number(peak.multiplier())), 0, Optional.empty(),
                    OptionalDouble.empty());
        }
        Instant deadline = peak.ok() ? baseline.runway().orElseThrow() : now;
        String why = peak.ok()
                ? "the forecast's upper bound reaches the usable " + number(usable.getAsDouble()) + unit + " on "
                        + Dates.day(deadline)
                : number(peak.multiplier()) + "× today's peak (" + number(peak.required()) + unit
                        + ") exceeds the usable " + number(usable.getAsDouble()) + unit;
        if (resource.perInstance().isEmpty() || resource.instances().isEmpty()) {
            double needed = Math.max(runwayShort ? baseline.peakUpper() : 0, peak.ok() ? 0 : peak.required())
                    / utilization;
            return new Recommendation("raise capacity to at least " + number(needed) + unit + " before "
                    + Dates.day(deadline) + ": " + why, 0, Optional.of(deadline), OptionalDouble.empty());
        }
        int instances = resource.instances().getAsInt();
        double perInstance = resource.perInstance().getAsDouble();
        int forRunway = runwayShort ? CapacityPlanner.instancesFor(baseline.peakUpper(), perInstance, utilization) : 0;
        int forPeak = peak.ok() ? 0 : peak.instancesNeeded().orElse(0);
        int add = Math.max(0, Math.max(forRunway, forPeak) - instances);
        OptionalDouble cost = resource.unitCost().map(unitCost -> OptionalDouble.of(add * unitCost.amount()))
                .orElse(OptionalDouble.empty());
        String price = resource.unitCost().map(unitCost -> "; +" + unitCost.format(add * unitCost.amount())
                + "/month").orElse("");
        return new Recommendation(String.format(Locale.ROOT, "add %d instance%s (%d → %d) before %s: %s%s", add,
                add == 1 ? "" : "s", instances, instances + add, Dates.day(deadline), why, price), add,
                Optional.of(deadline), cost);
    }

    /** Up to three significant digits for people: 1234, 12.3, 0.123. */
    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }
}
