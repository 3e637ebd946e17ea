package io.relia.chaos.experiment;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads experiment files of both formats, detected by content: a top-level {@code experiment:} is native, a
 * {@code title} with a {@code method} is Chaos Toolkit.
 */
public final class Experiments {

    private static final SpecSchema NATIVE_SCHEMA = SpecSchema.named("chaos-experiment");

    private Experiments() {
    }

    /**
     * What reading a file gave.
     *
     * @param experiment the experiment, when the file has no errors
     * @param problems   every error and warning, sorted by location
     */
    public record Result(Optional<Experiment> experiment, List<Problem> problems) {
        public Result {
            problems = problems.stream().sorted().toList();
        }
    }

    /** Loads and reads one experiment file; environment variables come from this process. */
    public static Result load(Path path) {
        return load(path, System.getenv());
    }

    /** Loads and reads one experiment file; {@code env} resolves {@code {type: env}} configuration. */
    public static Result load(Path path, Map<String, String> env) {
        Problems problems = new Problems();
        Optional<Node> document = SpecLoader.load(path).onlyDocument("experiment", problems);
        if (document.isEmpty()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        if (!(document.get() instanceof MapNode root)) {
            problems.error(document.get().location(), "the document is " + document.get().describe(),
                    "an experiment (a mapping)", "");
            return new Result(Optional.empty(), problems.sorted());
        }
        Optional<Experiment> experiment = read(root, path, env, problems);
        return new Result(experiment, withoutConsequencesOfUnset(problems.sorted(), path));
    }

    /**
     * Leaves out an error on a line that uses {@code ${name}} of a configuration value whose variable is unset
     * ("http:///health is not a URL"): the unset variable, reported where it is declared, is its one cause.
     */
    private static List<Problem> withoutConsequencesOfUnset(List<Problem> problems, Path path) {
        Set<String> unset = problems.stream().map(RunnerLimits::unsetConfiguration).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        if (unset.isEmpty()) {
            return problems;
        }
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(path, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
            // the reader read it; should it fail now, every error stays, so nothing passes unread
            return problems;
        }
        return problems.stream().filter(problem -> {
            int line = problem.location().line();
            if (!problem.isError() || RunnerLimits.isRunnerLimit(problem) || line < 1 || line > lines.size()) {
                return true;
            }
            return unset.stream().noneMatch(name -> lines.get(line - 1).contains("${" + name + "}"));
        }).toList();
    }

    /** Reads a loaded document; problems go to {@code problems}. */
    public static Optional<Experiment> read(MapNode root, Path source, Map<String, String> env, Problems problems) {
        Path name = source.getFileName() == null ? source : source.getFileName();
        if (InputDiscovery.kindOf(name, root).filter(InputKind.CHAOS_JOURNAL::equals).isPresent()) {
            // its copy of the experiment under "experiment:" would read as a native experiment, wrongly
            String title = root.map("experiment").flatMap(experiment -> experiment.text("title")
                    .or(() -> experiment.map("experiment").flatMap(copy -> copy.text("name")))).orElse("?");
            problems.error(root.location(), "this is a Chaos Toolkit journal (run record of experiment \"" + title
                    + "\", status " + root.text("status").orElse("?") + ", deviated "
                    + root.text("deviated").orElse("?") + "), not an experiment", "an experiment file",
                    "run the experiment file the journal was written for");
            return Optional.empty();
        }
        if (NativeExperimentReader.accepts(root)) {
            return readNative(root, source, problems);
        }
        if (ChaosToolkitReader.accepts(root)) {
            return ChaosToolkitReader.read(root, source, env, problems);
        }
        problems.error(root.location(), "not a chaos experiment", "a native experiment (experiment: {name, method})"
                + " or a Chaos Toolkit experiment (title, description, method)", "");
        return Optional.empty();
    }

    /**
     * The reader reports every problem it meets, located and with "did you mean"; the published schema backs it
     * up. Its problems count only where the reader found no error (a schema's oneOf over a broken step reports
     * the wrong branch: "is a mapping; expected a list") and are dropped where the reader said the same already.
     */
    private static Optional<Experiment> readNative(MapNode root, Path source, Problems problems) {
        Problems read = new Problems();
        Optional<Experiment> experiment = NativeExperimentReader.read(root, source, read);
        List<Problem> found = read.sorted();
        problems.addAll(found);
        if (read.hasErrors()) {
            return Optional.empty();
        }
        Set<Location> said = found.stream().map(Problem::location).collect(Collectors.toSet());
        List<Problem> structure = NATIVE_SCHEMA.validate(root).stream()
                .filter(problem -> !said.contains(problem.location())).toList();
        problems.addAll(structure);
        return structure.stream().anyMatch(Problem::isError) ? Optional.empty() : experiment;
    }
}
