package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.Problem;
import io.relia.slo.SloDuplicates;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia slo validate FILE...}: every problem of every file at once. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Validate SLO specs; the format of each document is found by content.", "",
            "Prints every problem of every file at once, notes on how each SLI was read, and across the files",
            "one SLO written in several formats and alert names two SLOs share. OpenSLO references",
            "(indicatorRef, alertPolicyRef, conditionRef, targetRef, metricSourceRef) resolve across the files.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every spec is valid (warnings allowed)", "  2  a spec is invalid or unreadable"})
final class SloValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO spec files (YAML or JSON).")
    private List<Path> files;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    private boolean strict;

    @Option(names = "--ignore-slo-duplicates", description = "Accept one SLO ID defined in several files (as "
            + "Sloth's flag of that name); generate still refuses them, as their rules would collide.")
    private boolean ignoreDuplicates;

    @Override
    public Integer call() {
        ValidationOutput output = new ValidationOutput(spec.commandLine().getOut(), spec.commandLine().getErr(),
                strict);
        List<SloFile> loaded = SloSpecs.loadAll(files);
        // Across the files: one SLO written in several formats, or an alert name two SLOs share.
        List<Problem> across = new ArrayList<>(ignoreDuplicates ? List.of() : SloFiles.collisions(loaded));
        across.addAll(SloDuplicates.of(loaded.stream().flatMap(file -> file.slos().stream()).toList()).problems());
        for (SloFile file : loaded) {
            List<Problem> problems = new ArrayList<>(file.problems());
            across.stream().filter(problem -> problem.location().file().equals(file.path().toString()))
                    .forEach(problems::add);
            output.report(file.path(), problems, file.slos().size() + (file.slos().size() == 1 ? " SLO, "
                    : " SLOs, ") + String.join(", ", file.formats()));
        }
        return output.failed() ? ExitCode.INPUT : ExitCode.OK;
    }
}
