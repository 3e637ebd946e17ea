package io.relia.load.capacity;

import io.relia.core.InputException;
import io.relia.core.Problems;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code relia capacity plan}: instances needed now and at the horizon, from a {@code capacity-forecast} JSON report.
 * Now: ⌈normal peak × headroom / (per-instance × utilisation)⌉; at the horizon the same with the forecast's highest
 * upper bound in place of today's peak, and, when the report carries it, with seasonal naive's.
 */
public final class InstancePlan {

    public static final String KIND = "capacity-plan";

    private InstancePlan() {
    }

    /**
     * One resource's plan.
     *
     * @param name            resource name
     * @param unit            its unit
     * @param peak            today's normal peak
     * @param peakUpper       the forecast's highest upper bound over the horizon
     * @param instances       instances today, when the forecast knows
     * @param instancesNow    instances needed today
     * @param instancesAtHorizon instances needed by the horizon
     * @param baseline        the same at the horizon from seasonal naive's forecast, when the report carries it
     */
    public record Line(String name, String unit, double peak, double peakUpper, Optional<Integer> instances,
                       int instancesNow, int instancesAtHorizon, Optional<Baseline> baseline) {
    }

    /**
     * Instances needed at the horizon had the forecast been plain seasonal naive: the forecast's leverage on the plan.
     *
     * @param model              the seasonal naive model, e.g. {@code snaive(168)}
     * @param peakUpper          its highest upper bound over the horizon
     * @param instancesAtHorizon instances needed by the horizon from that bound
     */
    public record Baseline(String model, double peakUpper, int instancesAtHorizon) {
    }

    /**
     * Plans from a forecast report.
     *
     * @param forecastJson the JSON report of {@code relia capacity forecast}
     * @param perInstance  capacity of one instance, in the resources' unit (req/s from find-max)
     * @param headroom     multiple of the peak to carry, at least 1
     * @param utilization  target utilisation, ratio in (0, 1]
     * @throws InputException with located problems when the file is not such a report
     */
    public static Report plan(Path forecastJson, double perInstance, double headroom, double utilization) {
        LoadResult loaded = SpecLoader.load(forecastJson);
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            throw new InputException(loaded.problems());
        }
        Node root = loaded.file().get().documents().getFirst().root();
        Problems problems = new Problems();
        if (!(root instanceof MapNode map) || !map.text("kind").orElse("").equals(CapacityReport.KIND)) {
            problems.error(root.location(), "not a capacity forecast report", "the JSON report of relia capacity "
                    + "forecast --format json (kind: " + CapacityReport.KIND + ")", "");
            throw new InputException(problems.sorted());
        }
        List<Line> lines = new ArrayList<>();
        ListNode resources = map.list("resources").orElse(new ListNode(List.of(), map.location()));
        for (Node item : resources.items()) {
            if (item instanceof MapNode resource) {
                line(resource, perInstance, headroom, utilization, problems).ifPresent(lines::add);
            }
        }
        if (lines.isEmpty() && !problems.hasErrors()) {
            problems.error(map.locationOf("resources"), "the report has no resources", "at least one resource", "");
        }
        if (problems.hasErrors()) {
            throw new InputException(problems.sorted());
        }
        return report(map.text("service").orElse(""), map.text("horizon").orElse(""), lines, perInstance, headroom,
                utilization);
    }

    private static Optional<Line> line(MapNode resource, double perInstance, double headroom, double utilization,
                                       Problems problems) {
        String name = resource.text("name").orElse("?");
        Optional<Double> peak = number(resource.map("history"), "recentPeak", resource, problems);
        Optional<Double> upper = number(resource.map("forecast"), "peakUpper", resource, problems);
        Optional<Integer> instances = resource.map("capacity").flatMap(capacity -> capacity.get("instances"))
                .flatMap(node -> node instanceof ScalarNode scalar ? scalar.asNumber() : Optional.empty())
                .map(Number::intValue);
        if (peak.isEmpty() || upper.isEmpty()) {
            return Optional.empty();
        }
        Optional<Baseline> baseline = baseline(resource, perInstance, headroom, utilization);
        return Optional.of(new Line(name, resource.text("unit").orElse(""), peak.get(), upper.get(), instances,
                CapacityPlanner.instancesFor(peak.get() * headroom, perInstance, utilization),
                CapacityPlanner.instancesFor(upper.get() * headroom, perInstance, utilization), baseline));
    }

    /** Seasonal naive's plan, the same way; reports written before they carried its upper bound have none. */
    private static Optional<Baseline> baseline(MapNode resource, double perInstance, double headroom,
                                               double utilization) {
        Optional<MapNode> node = resource.map("baseline");
        Optional<Double> upper = node.flatMap(map -> map.get("peakUpper"))
                .flatMap(value -> value instanceof ScalarNode scalar ? scalar.asNumber() : Optional.empty())
                .map(Number::doubleValue);
        String model = node.flatMap(map -> map.text("model")).orElse("seasonal naive");
        return upper.map(peakUpper -> new Baseline(model, peakUpper,
                CapacityPlanner.instancesFor(peakUpper * headroom, perInstance, utilization)));
    }

    private static Optional<Double> number(Optional<MapNode> parent, String key, MapNode resource,
                                           Problems problems) {
        Optional<Double> value = parent.flatMap(map -> map.get(key))
                .flatMap(node -> node instanceof ScalarNode scalar ? scalar.asNumber() : Optional.empty())
                .map(Number::doubleValue);
        if (value.isEmpty()) {
            problems.error(parent.map(MapNode::location).orElse(resource.location()), "resource \""
                    + resource.text("name").orElse("?") + "\" has no " + key, "a number", "regenerate the report with "
                    + "relia capacity forecast --format json");
        }
        return value;
    }

    private static Report report(String service, String horizon, List<Line> lines, double perInstance,
                                 double headroom, double utilization) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("horizon", horizon);
        data.put("perInstance", perInstance);
        data.put("headroom", headroom);
        data.put("targetUtilization", utilization);
        data.put("resources", lines);
        Document.Builder document = new Document.Builder("Instance plan" + (service.isEmpty() ? "" : ": " + service));
        // The per-instance capacity is in the resources' unit (req/s from find-max): named when they share one.
        List<String> units = lines.stream().map(Line::unit).filter(unit -> !unit.isBlank()).distinct().toList();
        document.paragraph(String.format(Locale.ROOT, "Instances of %s each at %s%% utilisation, carrying %s× the "
                + "peak; now from today's normal peak, at the horizon (%s) from the forecast's highest upper bound.",
                Recommendations.number(perInstance) + (units.size() == 1 ? " " + units.getFirst() : ""),
                Recommendations.number(utilization * 100),
                Recommendations.number(headroom), horizon));
        boolean compared = lines.stream().anyMatch(line -> line.baseline().isPresent());
        List<String> headers = new ArrayList<>(List.of("Resource", "Normal peak", "Forecast upper", "Instances today",
                "Needed now", "Needed at horizon"));
        if (compared) {
            String models = String.join(", ", lines.stream().flatMap(line -> line.baseline().stream())
                    .map(Baseline::model).distinct().toList());
            document.paragraph("Seasonal naive: the instances plain seasonal naive's highest upper bound (" + models
                    + ") would need at the horizon, to show how much the plan rests on the chosen forecasting model.");
            headers.add("Seasonal naive");
        }
        document.add(new Document.Table(headers, lines.stream().map(line -> row(line, compared)).toList()));
        return new Report(KIND, 1, data, document.build());
    }

    private static List<Document.Cell> row(Line line, boolean compared) {
        List<Document.Cell> row = new ArrayList<>(List.of(Document.Cell.of(line.name()),
                Document.Cell.of(Recommendations.number(line.peak()) + " " + line.unit()),
                Document.Cell.of(Recommendations.number(line.peakUpper()) + " " + line.unit()),
                Document.Cell.of(line.instances().map(String::valueOf).orElse("?")),
                tone(line.instancesNow(), line.instances()), tone(line.instancesAtHorizon(), line.instances())));
        if (compared) {
            row.add(line.baseline().map(naive -> tone(naive.instancesAtHorizon(), line.instances(), " ("
                    + Recommendations.number(naive.peakUpper()) + " " + line.unit() + ")"))
                    .orElse(Document.Cell.of("?")));
        }
        return row;
    }

    private static Document.Cell tone(int needed, Optional<Integer> today) {
        return tone(needed, today, "");
    }

    private static Document.Cell tone(int needed, Optional<Integer> today, String note) {
        Document.Tone tone = today.map(count -> count >= needed ? Document.Tone.GOOD : Document.Tone.WARN)
                .orElse(Document.Tone.PLAIN);
        return new Document.Cell(needed + note, tone);
    }
}
