package io.relia.load.scenario;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Durations;
import io.relia.load.threshold.Threshold;
import io.relia.load.threshold.Thresholds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads load scenario files (YAML or JSON, {@code schemas/load-scenario.schema.json}, docs/load-scenarios.md):
 * structure is checked against the published schema, then values (durations, URLs, thresholds, placeholders against
 * the CSV columns). Every problem is reported at its line and column, all at once.
 */
public final class ScenarioReader {

    /** Connections kept open when a scenario names none. */
    public static final int DEFAULT_CONNECTIONS = 50;
    /** How long one request may take when a scenario names no timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final SpecSchema SCHEMA = SpecSchema.named("load-scenario");

    private ScenarioReader() {
    }

    /**
     * What reading a file gave.
     *
     * @param scenario the scenario, when the file has no errors
     * @param problems every error and warning (unknown keys), sorted by location
     */
    public record Result(Optional<Scenario> scenario, List<Problem> problems) {
        public Result {
            problems = problems.stream().sorted().toList();
        }

        /** The scenario, or an {@link InputException} with every problem when there is none. */
        public Scenario orThrow() {
            return scenario.orElseThrow(() -> new InputException(problems));
        }
    }

    /** Loads and reads one scenario file; the variables file is resolved against the scenario's folder. */
    public static Result load(Path file) {
        Problems problems = new Problems();
        Optional<Node> document = SpecLoader.load(file).onlyDocument("scenario", problems);
        if (document.isEmpty()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        return new Result(read(document.get(), file, problems), problems.sorted());
    }

    /** Reads a loaded document; problems go to {@code problems}; empty when there are errors. */
    public static Optional<Scenario> read(Node root, Path file, Problems problems) {
        List<Problem> structure = structure(root);
        problems.addAll(structure);
        if (structure.stream().anyMatch(Problem::isError) || !(root instanceof MapNode map)) {
            return Optional.empty();
        }
        long errorsBefore = problems.errorCount();
        Fields fields = new Fields(map, problems, "");
        String name = fields.text("name", "a label").orElseGet(() -> stem(file));
        boolean insecure = fields.bool("insecure").orElse(false);
        Optional<Target> target = fields.requireText("target", "http://host:port").flatMap(text ->
                target(text, insecure, fields.valueLocation("target"), problems));
        int connections = fields.number("connections", "a whole number").map(n -> n.intValue())
                .orElse(DEFAULT_CONNECTIONS);
        Duration warmup = duration(fields, "warmup").orElse(Duration.ZERO);
        Duration timeout = duration(fields, "timeout").orElse(DEFAULT_TIMEOUT);
        if (timeout.isZero()) {
            problems.error(fields.valueLocation("timeout"), "\"timeout\" is zero", "a positive duration such as 10s",
                    "");
        }
        Optional<LoadProfile> profile = fields.child("load").flatMap(LoadProfiles::read);
        Optional<VariableTable> variables = fields.text("variables", "a CSV file").flatMap(csv -> VariableTables
                .read(resolve(file, csv), fields.valueLocation("variables"), problems));
        List<RequestTemplate> requests = new ArrayList<>();
        target.ifPresent(origin -> {
            RequestReader reader = new RequestReader(origin, variables, problems);
            fields.children("requests").orElse(List.of()).forEach(request -> reader.read(request)
                    .ifPresent(requests::add));
        });
        List<Threshold> thresholds = thresholds(map, problems);
        if (problems.errorCount() > errorsBefore || target.isEmpty() || profile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(name, target.get(), requests, variables, profile.get(), connections, warmup,
                timeout, thresholds));
    }

    /**
     * The schema's problems, except that a load without exactly one shape is reported once, in the reader's words,
     * instead of as the schema's {@code oneOf} failure and its branches (all located at the {@code load} mapping).
     */
    private static List<Problem> structure(Node root) {
        List<Problem> structure = SCHEMA.validate(root);
        Optional<MapNode> load = root instanceof MapNode map ? map.map("load") : Optional.empty();
        Optional<Problem> shape = load.flatMap(LoadProfiles::shapeProblem);
        if (shape.isEmpty()) {
            return structure;
        }
        List<Problem> kept = new ArrayList<>(structure.stream()
                .filter(problem -> !problem.isError() || !problem.location().equals(load.get().location())).toList());
        kept.add(shape.get());
        return kept;
    }

    private static Optional<Target> target(String text, boolean insecure, Location at, Problems problems) {
        try {
            URI uri = new URI(text.strip());
            Target origin = Target.of(uri);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                problems.error(at, "\"target\" is more than an origin: " + text, "scheme, host and port such as "
                        + "http://127.0.0.1:8080", "put paths in requests[].path");
                return Optional.empty();
            }
            return Optional.of(new Target(origin.https(), origin.host(), origin.port(), insecure));
        } catch (URISyntaxException | IllegalArgumentException notUrl) {
            problems.error(at, "\"target\" is not an http or https URL: " + text,
                    "scheme, host and port such as http://127.0.0.1:8080", "");
            return Optional.empty();
        }
    }

    /** An optional duration value (read as text: {@code 0} is a plain number in YAML). */
    static Optional<Duration> duration(Fields fields, String key) {
        return fields.text(key, "a duration such as 30s").flatMap(text -> Durations.parse(text)
                .orReport(fields.problems(), fields.valueLocation(key)));
    }

    /** {@code thresholds:} as a list of strings or one comma-separated string, each item located. */
    private static List<Threshold> thresholds(MapNode map, Problems problems) {
        List<Threshold> thresholds = new ArrayList<>();
        List<Node> items = switch (map.get("thresholds").orElse(null)) {
            case ListNode list -> list.items();
            case ScalarNode scalar when !scalar.isNull() -> List.of(scalar);
            case null, default -> List.of();
        };
        for (Node item : items) {
            if (item instanceof ScalarNode scalar) {
                thresholds.addAll(Thresholds.parse(scalar.text(), scalar.location(), problems));
            }
        }
        return thresholds;
    }

    /** The CSV path as written, relative to the scenario file's folder unless absolute. */
    private static Path resolve(Path scenario, String csv) {
        Path folder = scenario.getParent();
        return folder == null ? Path.of(csv) : folder.resolve(csv);
    }

    private static String stem(Path file) {
        String name = file.getFileName() == null ? "scenario" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
