package io.relia.load.capacity;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecSchema;
import io.relia.core.spec.Suggestions;
import io.relia.core.spec.SpecLoader;
import io.relia.core.value.Durations;
import io.relia.core.value.Ratio;
import io.relia.load.capacity.CapacityConfig.Cost;
import io.relia.load.capacity.CapacityConfig.Headroom;
import io.relia.load.capacity.CapacityConfig.PlannedEvent;
import io.relia.load.capacity.CapacityConfig.Resource;
import io.relia.load.capacity.CapacityConfig.Source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads {@code reliability/capacity.yaml} ({@code schemas/capacity.schema.json}): the schema first, then what a
 * schema cannot check (durations, ratios, dates, files, find-max results, event targets), every problem located.
 */
public final class CapacityConfigReader {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(90);
    private static final Duration DEFAULT_STEP = Duration.ofHours(1);

    private CapacityConfigReader() {
    }

    /**
     * What reading a plan gave.
     *
     * @param config   the plan, when it has no errors
     * @param problems errors and warnings, sorted
     */
    public record Loaded(Optional<CapacityConfig> config, List<Problem> problems) {

        public Loaded {
            problems = problems.stream().sorted().toList();
        }
    }

    /** True when the document is a plan this reader forecasts: it has a {@code resources:} list. */
    public static boolean accepts(Node root) {
        return root instanceof MapNode map && map.has("resources");
    }

    /** Loads and reads a plan file; never throws for bad content. */
    public static Loaded read(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            return new Loaded(Optional.empty(), loaded.problems());
        }
        Node root = loaded.file().get().documents().getFirst().root();
        Path directory = file.toAbsolutePath().getParent();
        return read(root, file, directory);
    }

    /** Reads a loaded plan; relative files resolve against {@code directory}. */
    public static Loaded read(Node root, Path file, Path directory) {
        Problems problems = new Problems();
        problems.addAll(SpecSchema.named("capacity").validate(root));
        if (problems.hasErrors() || !(root instanceof MapNode map)) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        if (!map.has("resources")) {
            problems.error(Location.of(file, 1, 1), "no resources to forecast", "resources: [{name, data or "
                    + "prometheus, instances, per_instance}]", "see docs/capacity.md");
            return new Loaded(Optional.empty(), problems.sorted());
        }
        Fields fields = new Fields(map, problems, "");
        Duration horizon = duration(fields, "horizon").orElse(CapacityConfig.DEFAULT_HORIZON);
        if (horizon.isZero()) {
            problems.error(fields.valueLocation("horizon"), "the horizon is zero", "a duration such as 90d", "");
        }
        double utilization = ratio(fields, "target_utilization").orElse(CapacityConfig.DEFAULT_TARGET_UTILIZATION);
        if (utilization <= 0) {
            problems.error(fields.valueLocation("target_utilization"), "target utilization is zero",
                    "a percentage such as 70%", "");
        }
        double level = ratio(fields, "level").orElse(CapacityConfig.DEFAULT_LEVEL);
        if (level <= 0 || level >= 1) {
            problems.error(fields.valueLocation("level"), "level must be between 0% and 100%, exclusive",
                    "a percentage such as 95%", "");
        }
        Headroom headroom = fields.child("headroom").map(h -> new Headroom(
                h.number("peak_multiplier", "a number").map(Number::doubleValue).orElse(Headroom.DEFAULT.peak()),
                h.number("stress_multiplier", "a number").map(Number::doubleValue)
                        .orElse(Headroom.DEFAULT.stress()))).orElse(Headroom.DEFAULT);
        OptionalDouble growth = fields.child("growth").flatMap(g -> ratio(g, "monthly"))
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
        List<Resource> resources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Fields resource : fields.children("resources").orElse(List.of())) {
            resource(resource, directory).ifPresent(read -> {
                if (!names.add(read.name())) {
                    problems.error(resource.valueLocation("name"), "resource \"" + read.name() + "\" is named twice",
                            "a name per resource", "");
                }
                resources.add(read);
            });
        }
        if (resources.isEmpty() && !problems.hasErrors()) {
            problems.error(fields.valueLocation("resources"), "the resources list is empty",
                    "at least one resource", "");
        }
        List<PlannedEvent> events = new ArrayList<>();
        for (Fields event : fields.children("events").orElse(List.of())) {
            event(event, names).ifPresent(events::add);
        }
        if (problems.hasErrors()) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        return new Loaded(Optional.of(new CapacityConfig(fields.text("service", "a name").orElse(""), horizon,
                utilization, level, headroom, growth, resources, events)), problems.sorted());
    }

    private static Optional<Resource> resource(Fields fields, Path directory) {
        long errorsBefore = fields.problems().errorCount();
        String name = fields.text("name", "a name").orElse("");
        CapacityConfig.Kind kind = fields.text("kind", "compute|storage|database_connections|other")
                .map(text -> CapacityConfig.Kind.valueOf(text.toUpperCase(Locale.ROOT)))
                .orElse(CapacityConfig.Kind.OTHER);
        String unit = fields.text("unit", "a unit").orElse("");
        OptionalDouble capacity = number(fields, "capacity");
        OptionalInt instances = fields.number("instances", "a whole number").map(n -> OptionalInt.of(n.intValue()))
                .orElse(OptionalInt.empty());
        OptionalDouble perInstance = perInstance(fields, directory);
        Optional<Cost> cost = fields.map().get("unit_cost").map(node -> node instanceof MapNode map
                ? new Cost(map.text("amount").map(Double::parseDouble).orElse(0.0), map.text("currency").orElse(""))
                : new Cost(((ScalarNode) node).asNumber().orElseThrow().doubleValue(), ""));
        if (capacity.isPresent() && instances.isPresent() && perInstance.isPresent()
                && Math.abs(capacity.getAsDouble() - instances.getAsInt() * perInstance.getAsDouble())
                > 1e-6 * capacity.getAsDouble()) {
            fields.problems().warning(fields.valueLocation("capacity"), "capacity " + capacity.getAsDouble()
                    + " is not instances × per_instance (" + instances.getAsInt() * perInstance.getAsDouble() + ")",
                    "", "capacity is used for runway; per_instance for instance counts");
        }
        if (cost.isPresent() && (instances.isEmpty() || perInstance.isEmpty())) {
            fields.problems().warning(fields.locationOf("unit_cost"), "unit_cost needs instances and per_instance "
                    + "to price the instances a plan adds", "", "add instances and per_instance");
        }
        Optional<Source> source = source(fields, directory);
        if (fields.problems().errorCount() > errorsBefore || source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Resource(name, kind, unit, capacity, instances, perInstance, cost, source.get()));
    }

    private static OptionalDouble perInstance(Fields fields, Path directory) {
        Optional<Node> node = fields.map().get("per_instance");
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (node.get() instanceof MapNode map) {
            ScalarNode file = (ScalarNode) map.get("find_max").orElseThrow();
            Path path = directory.resolve(file.text());
            Problems found = new Problems();
            OptionalDouble knee = FindMaxResult.kneeRate(path, found);
            // A problem inside the result file is reported there; the plan's line says which plan asked for it.
            found.sorted().forEach(problem -> fields.problems().add(Problem.error(file.location(),
                    "per_instance.find_max: " + problem.message() + " (" + problem.location() + ")",
                    problem.expected(), problem.hint())));
            return knee;
        }
        return ((ScalarNode) node.get()).asNumber().map(n -> OptionalDouble.of(n.doubleValue()))
                .orElse(OptionalDouble.empty());
    }

    private static Optional<Source> source(Fields fields, Path directory) {
        boolean csv = fields.map().has("data");
        boolean prometheus = fields.map().has("prometheus");
        if (csv == prometheus) {
            fields.problems().error(fields.map().location(), csv
                    ? "resource \"" + fields.map().text("name").orElse("") + "\" has both data and prometheus"
                    : "resource \"" + fields.map().text("name").orElse("") + "\" has no usage history",
                    "data: FILE.csv or prometheus: {query, range, step}", "");
            return Optional.empty();
        }
        if (csv) {
            return fields.text("data", "a CSV file").map(file -> new CapacityConfig.CsvSource(directory.resolve(file)));
        }
        Fields query = fields.child("prometheus").orElseThrow();
        Duration range = duration(query, "range").orElse(DEFAULT_RANGE);
        Duration step = duration(query, "step").orElse(DEFAULT_STEP);
        if (step.isZero() || range.compareTo(step) < 0) {
            query.problems().error(query.valueLocation("step"), "the step must be positive and shorter than the "
                    + "range", "e.g. range: 90d, step: 1h", "");
        }
        return query.text("query", "PromQL").map(text -> new CapacityConfig.PrometheusSource(
                query.text("url", "a URL"), text, range, step));
    }

    private static Optional<PlannedEvent> event(Fields fields, Set<String> resources) {
        long errorsBefore = fields.problems().errorCount();
        String name = fields.text("name", "a name").orElse("");
        Optional<java.time.Instant> from = fields.text("from", "a date").flatMap(text -> CapacityValues.instant(text)
                .orReport(fields.problems(), fields.valueLocation("from")));
        Optional<java.time.Instant> until = fields.text("until", "a date").flatMap(text -> CapacityValues
                .instant(text).orReport(fields.problems(), fields.valueLocation("until")));
        double multiplier = fields.number("multiplier", "a number").map(Number::doubleValue).orElse(1.0);
        List<String> affected = fields.map().list("resources").map(list -> list.items().stream()
                .map(item -> (ScalarNode) item).map(ScalarNode::text).toList()).orElse(List.of());
        fields.map().list("resources").ifPresent(list -> list.items().forEach(item -> {
            String target = ((ScalarNode) item).text();
            if (!resources.contains(target)) {
                fields.problems().error(item.location(), "event \"" + name + "\" names resource \"" + target
                        + "\", which the plan does not have", String.join(", ", resources),
                        Suggestions.closest(target, resources).map(best -> "did you mean \"" + best + "\"?")
                                .orElse(""));
            }
        }));
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            fields.problems().error(fields.valueLocation("until"), "event \"" + name + "\" ends before it starts",
                    "until after from", "");
        }
        if (fields.problems().errorCount() > errorsBefore || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedEvent(name, from.get(), until, multiplier, affected));
    }

    private static Optional<Duration> duration(Fields fields, String key) {
        return fields.text(key, "a duration").flatMap(text -> Durations.parse(text)
                .orReport(fields.problems(), fields.valueLocation(key)));
    }

    private static Optional<Double> ratio(Fields fields, String key) {
        return fields.text(key, "a ratio").flatMap(text -> Ratio.parse(text)
                .orReport(fields.problems(), fields.valueLocation(key))).map(Ratio::asDouble);
    }

    private static OptionalDouble number(Fields fields, String key) {
        return fields.number(key, "a number").map(n -> OptionalDouble.of(n.doubleValue()))
                .orElse(OptionalDouble.empty());
    }
}
