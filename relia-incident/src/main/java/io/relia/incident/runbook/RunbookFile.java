package io.relia.incident.runbook;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads runbook files: {@code schemas/runbook.schema.json}, then what a schema cannot say (durations, step numbers
 * unique and ascending). Every problem is located; nothing throws for bad content.
 */
public final class RunbookFile {

    /** A runbook, or the problems that kept it from being read (warnings may come with a runbook). */
    public record Loaded(Optional<Runbook> runbook, List<Problem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    private RunbookFile() {
    }

    public static Loaded load(Path file) {
        Problems problems = new Problems();
        Optional<Node> document = SpecLoader.load(file).onlyDocument("runbook", problems);
        if (document.isEmpty()) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        problems.addAll(SpecSchema.named("runbook").validate(document.get()));
        if (problems.hasErrors() || !(document.get() instanceof MapNode root)) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        List<RunbookStep> steps = new ArrayList<>();
        steps.addAll(steps(root, "diagnosis_steps", RunbookStep.Phase.DIAGNOSIS, RunbookStep.Risk.LOW, problems));
        steps.addAll(steps(root, "mitigation_options", RunbookStep.Phase.MITIGATION, RunbookStep.Risk.MEDIUM,
                problems));
        steps.addAll(steps(root, "resolution_steps", RunbookStep.Phase.RESOLUTION, RunbookStep.Risk.MEDIUM,
                problems));
        steps.addAll(steps(root, "verification", RunbookStep.Phase.VERIFICATION, RunbookStep.Risk.LOW, problems));
        Optional<Runbook.Escalation> escalation = root.map("escalation").flatMap(map -> duration(map, "after",
                problems).map(after -> new Runbook.Escalation(after, map.text("to").orElse(""))));
        if (problems.hasErrors()) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        root.map("labels").ifPresent(map -> map.keys().forEach(key -> labels.put(key, map.text(key).orElse(""))));
        Runbook runbook = new Runbook(root.text("name").orElseThrow(), file, root.text("trigger").orElse(""),
                root.text("severity").orElse(""), root.text("scope").orElse(""), texts(root.get("detection")),
                texts(root.get("impact")), texts(root.get("alerts")), labels, steps, escalation,
                texts(root.get("follow_up")));
        return new Loaded(Optional.of(runbook), problems.sorted());
    }

    private static List<RunbookStep> steps(MapNode root, String key, RunbookStep.Phase phase,
                                           RunbookStep.Risk defaultRisk, Problems problems) {
        Optional<ListNode> list = root.list(key);
        if (list.isEmpty()) {
            return List.of();
        }
        List<RunbookStep> steps = new ArrayList<>();
        Map<Integer, Location> numbers = new LinkedHashMap<>();
        int previous = 0;
        int position = 0;
        for (Node item : list.get().items()) {
            position++;
            if (item instanceof ScalarNode sentence) {
                steps.add(new RunbookStep(phase, position, sentence.text(), Optional.empty(), "", defaultRisk,
                        Optional.empty(), sentence.location()));
                continue;
            }
            MapNode step = (MapNode) item;
            int number = position;
            if (step.has("step")) {
                number = Integer.parseInt(step.text("step").orElseThrow());
                Location where = step.locationOf("step");
                Location first = numbers.putIfAbsent(number, where);
                if (first != null) {
                    problems.error(where, "step " + number + " is numbered twice in " + key + " (first at line "
                            + first.line() + ")", "a unique number per step", "renumber the steps 1, 2, 3…");
                } else if (number < previous) {
                    problems.warning(where, "step " + number + " comes after step " + previous + " in " + key,
                            "ascending step numbers", "runs walk the steps in file order");
                }
                previous = number;
            }
            String title = step.text(step.has("action") ? "action" : "name").orElse("");
            RunbookStep.Risk risk = step.text("risk").map(text -> RunbookStep.Risk.valueOf(
                    text.toUpperCase(java.util.Locale.ROOT))).orElse(defaultRisk);
            steps.add(new RunbookStep(phase, number, title, step.text("command"), step.text("expected").orElse(""),
                    risk, duration(step, "timeout", problems), step.location()));
        }
        return steps;
    }

    private static Optional<Duration> duration(MapNode map, String key, Problems problems) {
        return map.get(key).flatMap(node -> {
            String text = node instanceof ScalarNode scalar ? scalar.text() : "";
            Optional<Duration> parsed = Durations.parse(text).orReport(problems, node.location());
            if (parsed.isPresent() && !parsed.get().isPositive()) {
                problems.error(node.location(), key + " must be positive", "a duration such as 30s", "");
                return Optional.empty();
            }
            return parsed;
        });
    }

    private static List<String> texts(Optional<Node> node) {
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof ScalarNode scalar) {
            return scalar.isNull() ? List.of() : List.of(scalar.text());
        }
        if (node.get() instanceof ListNode list) {
            return list.items().stream().filter(ScalarNode.class::isInstance).map(item -> ((ScalarNode) item).text())
                    .toList();
        }
        return List.of();
    }
}
