package io.relia.incident.runbook;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.markdown.MarkdownRunbookReader;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Durations;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads runbook files: {@code schemas/runbook.schema.json}, then what a schema cannot say (durations, step numbers
 * unique and ascending). Every problem is located; nothing throws for bad content.
 */
public final class RunbookFile {

    /**
     * A runbook, or the problems that kept it from being read (warnings may come with a runbook), or why the file is
     * no runbook at all (a Markdown section index page, a template), with no problems.
     */
    public record Loaded(Optional<Runbook> runbook, List<Problem> problems, Optional<String> notARunbook) {
        public Loaded {
            problems = List.copyOf(problems);
            Objects.requireNonNull(notARunbook, "notARunbook");
        }

        public Loaded(Optional<Runbook> runbook, List<Problem> problems) {
            this(runbook, problems, Optional.empty());
        }
    }

    private RunbookFile() {
    }

    /**
     * Reads one runbook file, YAML or Markdown ({@code .md}: {@link MarkdownRunbookFile}); I/O failures and bad
     * content come back as located problems, the same ones {@code relia validate} and the review report for it
     * ({@link #validate}).
     */
    public static Loaded load(Path file) {
        if (MarkdownRunbookReader.isMarkdown(file)) {
            return MarkdownRunbookFile.load(file);
        }
        LoadResult loaded = SpecLoader.load(file);
        Problems problems = new Problems();
        problems.addAll(loaded.problems());
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        Loaded checked = check(loaded.file().get().documents());
        problems.addAll(checked.problems());
        return new Loaded(checked.runbook(), problems.sorted());
    }

    /**
     * Every problem of a file's runbook documents: each document's ({@link #read}) and the rule of one runbook per
     * file. The one validation of runbooks: {@link #load} ({@code relia runbook validate}, {@code run}, {@code list})
     * and {@link RunbookInputValidator} ({@code relia validate}, the review) both come here.
     */
    public static List<Problem> validate(List<SpecDocument> documents) {
        return check(documents).problems();
    }

    /** The runbook of a file's documents when they are one valid runbook, and every problem. */
    private static Loaded check(List<SpecDocument> documents) {
        Problems problems = new Problems();
        problems.addAll(onePerFile(documents));
        Optional<Runbook> runbook = Optional.empty();
        for (SpecDocument document : documents) {
            Loaded read = read(document.root(), document.file());
            problems.addAll(read.problems());
            runbook = read.runbook();
        }
        return new Loaded(problems.hasErrors() ? Optional.empty() : runbook, problems.sorted());
    }

    /** A runbook is found by its file name ({@code relia runbook show high-cpu}), so a file holds one. */
    private static List<Problem> onePerFile(List<SpecDocument> documents) {
        if (documents.size() < 2) {
            return List.of();
        }
        return List.of(Problem.error(documents.get(1).root().location(), "the file holds " + documents.size()
                + " runbooks", "one runbook per file", "split it into one file per runbook"));
    }

    /**
     * Reads one runbook document of {@code file}, reporting every problem at once: the schema's, and the checks a
     * schema cannot make (durations, step numbers), which run even when the schema found errors elsewhere. A
     * value the schema already rejected is not reported a second time.
     */
    public static Loaded read(Node document, Path file) {
        List<Problem> schemaProblems = SpecSchema.named("runbook").validate(document);
        if (!(document instanceof MapNode root)) {
            return new Loaded(Optional.empty(), schemaProblems);
        }
        Problems values = new Problems();
        List<RunbookStep> steps = new ArrayList<>();
        steps.addAll(steps(root, "diagnosis_steps", RunbookStep.Phase.DIAGNOSIS, RunbookStep.Risk.LOW, values));
        steps.addAll(steps(root, "mitigation_options", RunbookStep.Phase.MITIGATION, RunbookStep.Risk.MEDIUM,
                values));
        steps.addAll(steps(root, "resolution_steps", RunbookStep.Phase.RESOLUTION, RunbookStep.Risk.MEDIUM,
                values));
        steps.addAll(steps(root, "verification", RunbookStep.Phase.VERIFICATION, RunbookStep.Risk.LOW, values));
        Optional<Runbook.Escalation> escalation = root.map("escalation").flatMap(map -> duration(map, "after",
                values).map(after -> new Runbook.Escalation(after, map.text("to").orElse(""))));
        Problems problems = new Problems();
        problems.addAll(schemaProblems);
        java.util.Set<Location> rejected = new java.util.HashSet<>();
        schemaProblems.stream().filter(Problem::isError).forEach(problem -> rejected.add(problem.location()));
        values.sorted().stream().filter(problem -> !rejected.contains(problem.location())).forEach(problems::add);
        if (problems.hasErrors()) {
            return new Loaded(Optional.empty(), problems.sorted());
        }
        String name = root.text("name").orElse("").strip();
        if (name.isEmpty()) {
            problems.error(root.locationOf("name"), "the runbook's name is blank", "a title such as High CPU Usage",
                    "");
            return new Loaded(Optional.empty(), problems.sorted());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        root.map("labels").ifPresent(map -> map.keys().forEach(key -> labels.put(key, map.text(key).orElse(""))));
        Runbook runbook = new Runbook(name, file, root.text("service").orElse(""), root.text("owner").orElse(""),
                root.text("trigger").orElse(""),
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
        for (Node item : list.get().items()) {
            // Steps without a number follow the one before, so a list may mix numbered and unnumbered steps.
            int number = previous + 1;
            Location where = item.location();
            if (item instanceof MapNode step && step.get("step").orElse(null) instanceof ScalarNode written) {
                Optional<Integer> explicit = stepNumber(written, key, problems);
                if (explicit.isEmpty()) {
                    continue;
                }
                number = explicit.get();
                where = written.location();
                if (number < previous && !numbers.containsKey(number)) {
                    problems.warning(written.location(), "step " + number + " comes after step " + previous + " in "
                            + key, "ascending step numbers", "runs walk the steps in file order");
                }
            }
            Location first = numbers.putIfAbsent(number, where);
            if (first != null) {
                problems.error(where, "two steps are number " + number + " in " + key + " (the other at line "
                        + first.line() + ")", "a unique number per step", "renumber the steps 1, 2, 3…; a step "
                        + "without a number follows the one before");
            }
            previous = number;
            if (item instanceof MapNode step) {
                steps.add(step(step, phase, number, defaultRisk, problems));
            } else if (item instanceof ScalarNode text) {
                steps.add(new RunbookStep(phase, number, text.text(), Optional.empty(), "", defaultRisk,
                        Optional.empty(), item.location()));
            }
        }
        return steps;
    }

    private static RunbookStep step(MapNode step, RunbookStep.Phase phase, int number, RunbookStep.Risk defaultRisk,
                                    Problems problems) {
        String title = step.text(step.has("action") ? "action" : "name").orElse("");
        // An unknown risk is the schema's to report; the step keeps its phase's default meanwhile.
        RunbookStep.Risk risk = step.text("risk").flatMap(text -> java.util.Arrays.stream(RunbookStep.Risk.values())
                .filter(value -> value.name().equalsIgnoreCase(text)).findFirst()).orElse(defaultRisk);
        return new RunbookStep(phase, number, title, step.text("command"), step.text("expected").orElse(""), risk,
                duration(step, "timeout", problems), step.location());
    }

    /** The schema has checked for a whole number of at least 1; this keeps it within int range. */
    private static Optional<Integer> stepNumber(ScalarNode written, String key, Problems problems) {
        Optional<BigDecimal> number = written.asNumber();
        try {
            return Optional.of(number.orElseThrow(() -> new ArithmeticException("not decimal")).stripTrailingZeros()
                    .intValueExact());
        } catch (ArithmeticException unusable) {
            problems.error(written.location(), "step " + written.text() + " in " + key + " is not a usable step "
                    + "number", "a whole number from 1 to " + Integer.MAX_VALUE, "number the steps 1, 2, 3…");
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(MapNode map, String key, Problems problems) {
        return map.get(key).flatMap(node -> {
            if (!(node instanceof ScalarNode scalar)) {
                return Optional.empty();
            }
            Optional<Duration> parsed = Durations.parse(scalar.text()).orReport(problems, node.location());
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
