package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia slo validate FILE...}: every problem of every file at once. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Validate SLO specs; the format of each document is found by content.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every spec is valid (warnings allowed)", "  2  a spec is invalid or unreadable"})
final class SloValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO spec files (YAML or JSON).")
    private List<Path> files;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    private boolean strict;

    @Override
    public Integer call() {
        ValidationOutput output = new ValidationOutput(spec.commandLine().getOut(), spec.commandLine().getErr(),
                strict);
        for (Path path : files) {
            SloFile file = SloSpecs.load(path);
            output.report(path, file.problems(), file.slos().size() + (file.slos().size() == 1 ? " SLO, " : " SLOs, ")
                    + String.join(", ", file.formats()));
        }
        return output.failed() ? ExitCode.INPUT : ExitCode.OK;
    }
}
