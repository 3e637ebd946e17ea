package io.relia.load.capacity.review;

import io.relia.core.report.Document;
import io.relia.core.spec.MapNode;
import io.relia.core.value.Ratio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A capacity plan's {@code service_capacity} block: headroom and runway from the measured capacity.
 *
 * @param capacity       requests/s all instances sustain (instances × per-instance maximum)
 * @param usable         capacity × target utilisation, requests/s
 * @param peak           today's peak requests/s
 * @param monthlyGrowth  growth per month as a ratio, or empty
 */
record ServiceCapacity(double capacity, double usable, double peak, Optional<Double> monthlyGrowth) {

    /** From a {@code service_capacity} block; its target utilisation, else the plan's, else 100%. */
    static ServiceCapacity of(MapNode node, MapNode plan) {
        double perInstance = number(node, "max_sustainable_rps_per_instance");
        double instances = number(node, "instances");
        double peak = number(node, "current_peak_rps");
        double target = node.text("target_utilization").or(() -> plan.text("target_utilization"))
                .flatMap(text -> Ratio.parse(text).asOptional()).map(Ratio::asDouble).orElse(1.0);
        Optional<Double> growth = node.text("growth_per_month").flatMap(text -> Ratio.parse(text).asOptional())
                .map(Ratio::asDouble);
        return new ServiceCapacity(perInstance * instances, perInstance * instances * target, peak, growth);
    }

    /** Months until peak × (1 + g)^n reaches usable capacity: n = ln(usable / peak) / ln(1 + g). */
    Optional<Double> runwayMonths() {
        if (monthlyGrowth.isEmpty() || monthlyGrowth.get() <= 0 || peak <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, Math.log(usable / peak) / Math.log1p(monthlyGrowth.get())));
    }

    String summary() {
        String runway = runwayMonths().map(months -> String.format(Locale.ROOT,
                "; at %s%% growth a month, peak reaches usable capacity in %.1f months",
                Ratio.of(monthlyGrowth.orElseThrow()).percent().toPlainString(), months)).orElse("");
        return String.format(Locale.ROOT, "peak %.0f req/s against %.0f req/s usable (%.0f req/s total): "
                + "headroom %.2f×%s", peak, usable, capacity, usable / Math.max(peak, 1e-9), runway);
    }

    Document.Table table() {
        List<List<Document.Cell>> rows = new ArrayList<>();
        rows.add(row("capacity (all instances)", String.format(Locale.ROOT, "%.0f req/s", capacity)));
        rows.add(row("usable at target utilisation", String.format(Locale.ROOT, "%.0f req/s", usable)));
        rows.add(row("peak today", String.format(Locale.ROOT, "%.0f req/s", peak)));
        rows.add(row("headroom", String.format(Locale.ROOT, "%.2f×", usable / Math.max(peak, 1e-9))));
        runwayMonths().ifPresent(months -> rows.add(row("runway", String.format(Locale.ROOT, "%.1f months",
                months))));
        return new Document.Table(List.of("Capacity", "Value"), rows);
    }

    Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("capacityRps", capacity);
        out.put("usableRps", usable);
        out.put("peakRps", peak);
        out.put("headroom", usable / Math.max(peak, 1e-9));
        out.put("runwayMonths", runwayMonths().orElse(null));
        return out;
    }

    private static List<Document.Cell> row(String name, String value) {
        return List.of(Document.Cell.of(name), Document.Cell.of(value));
    }

    private static double number(MapNode node, String key) {
        return node.text(key).map(text -> {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                return 0.0;
            }
        }).orElse(0.0);
    }
}
