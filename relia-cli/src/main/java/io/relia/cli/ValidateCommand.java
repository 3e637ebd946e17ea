package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.markdown.MarkdownRunbookReader;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputReading;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecFile;
import io.relia.core.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code relia validate FILE...}: parse and validate any of Relia's inputs, all problems at once. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate Relia inputs against their formats, every problem at once.", "",
            "Each file's kind is found by content (runbook, relia.yaml, chaos",
            "experiment, capacity or disaster-recovery plan, SLO spec, Kubernetes manifest, Prometheus rules)",
            "and checked against its format; a Markdown file (.md) as a runbook. Problems print as",
            "file:line:column: level: message. Each file's line says what it is and whether Relia",
            "reads it (read, parsed only); another tool's format Relia names and does not read (slo-generator,",
            "Nobl9, OpenSLO v2alpha, a Helm template) is a warning that says what to do instead.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every file is valid (warnings allowed)",
            "  2  a file is unreadable or invalid (or has warnings, under --strict)"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML, JSON or Markdown runbook files to validate.")
    private List<Path> files;

    @Option(names = "--strict", description = "Treat warnings (unknown keys, unrecognised documents) as errors.")
    private boolean strict;

    @Override
    public Integer call() {
        ValidationOutput output = new ValidationOutput(spec.commandLine().getOut(), spec.commandLine().getErr(),
                strict);
        for (Path file : files) {
            List<Problem> problems = new ArrayList<>();
            List<String> kinds = validate(file, problems);
            output.report(file, problems, String.join("; ", kinds));
        }
        return output.failed() ? ExitCode.INPUT : ExitCode.OK;
    }

    private static List<String> validate(Path file, List<Problem> problems) {
        if (MarkdownRunbookReader.isMarkdown(file)) {
            MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(file);
            problems.addAll(reading.problems());
            reading.notARunbook().ifPresent(reason -> problems.add(Problem.warning(Location.wholeFile(file),
                    "not a runbook: " + reason, "a Markdown runbook: Meaning, Impact, Diagnosis and Mitigation "
                            + "sections", "see docs/incidents.md#markdown-runbooks")));
            return reading.isRunbook() ? List.of(InputReading.of(InputKind.RUNBOOK_DOCUMENT, List.of(), true).line())
                    : List.of();
        }
        if (InputDiscovery.isHelmTemplate(file, file)) {
            problems.add(Problem.warning(new Location(file.toString(), 1, 1), InputReading.of(InputKind.HELM_TEMPLATE,
                    List.of(), false).line()));
            return List.of();
        }
        LoadResult loaded = SpecLoader.load(file);
        problems.addAll(loaded.problems());
        if (loaded.file().isEmpty()) {
            return List.of();
        }
        SpecFile spec = loaded.file().get();
        if (loaded.hasErrors()) {
            return List.of();
        }
        Map<InputKind, List<SpecDocument>> byKind = new EnumMap<>(InputKind.class);
        for (SpecDocument document : spec.documents()) {
            Path name = file.getFileName() == null ? file : file.getFileName();
            Optional<InputKind> kind = InputDiscovery.kindOf(name, document.root());
            if (kind.isEmpty()) {
                problems.add(Problem.warning(document.root().location(), "not a Relia input",
                        "an SLO spec, runbook, relia.yaml, chaos experiment, capacity or disaster-recovery plan, "
                                + "Kubernetes manifest or Prometheus rule file", "see docs/review.md for the formats"));
                continue;
            }
            byKind.computeIfAbsent(kind.get(), ignored -> new ArrayList<>()).add(document);
        }
        List<String> kinds = new ArrayList<>();
        byKind.forEach((kind, documents) -> {
            DiscoveredInput input = new DiscoveredInput(file, file, kind, documents);
            List<Problem> found = InputValidator.validateAll(input);
            problems.addAll(found);
            InputReading reading = InputReading.of(input);
            if (reading.status() == InputReading.Status.NOT_READ) {
                // Another tool's format, named: a warning at its first document, not an "ok" (unless its own
                // validator already refused it, as OpenSLO v2alpha's does).
                if (found.stream().noneMatch(Problem::isError)) {
                    problems.add(Problem.warning(documents.getFirst().root().location(), reading.line()));
                }
            } else {
                kinds.add(reading.line());
            }
        });
        return kinds;
    }
}
