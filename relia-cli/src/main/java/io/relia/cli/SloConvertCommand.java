package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.convert.SloConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia slo convert --to FORMAT}: SLO specs written in another format, proven by reading them back. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        description = {"Convert SLO specs to another format: native, sloth or pyrra.", "",
            "Reads every FILE (any format), writes each SLO in the target format, reads it back with Relia's",
            "reader of that format and compares. An SLO whose SLI, objective, period, name, service, labels or",
            "description would change is refused at its location and nothing is written. What each tool decides",
            "itself (alert windows and burn rates, alert names, labels and for) is converted with a warning",
            "saying what changes. Without --output the spec goes to standard output.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  converted (warnings allowed)", "  2  usage error, invalid spec, or an SLO the target format "
                + "cannot state (nothing is written)", "  3  the output could not be written"})
final class SloConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO spec files (native, Sloth, OpenSLO, Pyrra).")
    private List<Path> files;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            description = "The format to write: native, sloth or pyrra.")
    private String to;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the spec to FILE (replaced "
            + "whole, only when the conversion succeeds).")
    private Path output;

    @Option(names = "--default-period", paramLabel = "DURATION", defaultValue = "30d",
            description = "Window for SLOs that name no period, where the target needs one (pyrra; default: "
                    + "${DEFAULT-VALUE}).")
    private String defaultPeriod;

    @Option(names = "--verbose", description = "Also print the readers' notes on the input.")
    private boolean verbose;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        SloConverter.Format format = SloConverter.Format.of(to).orElseThrow(() -> new CommandLine.ParameterException(
                commandLine, "--to " + to + " is not a format Relia writes; expected native, sloth or pyrra"));
        Duration period = SloFiles.period(defaultPeriod, commandLine);
        List<SloFile> loaded = SloFiles.loadAll(files, commandLine.getErr(), verbose);
        List<Slo> slos = loaded.stream().flatMap(file -> file.slos().stream()).toList();
        SloConverter.Conversion conversion = SloConverter.convert(slos, format, period, List.of(
                "Converted by Relia " + ReliaCommand.version() + " from " + String.join(", ",
                        files.stream().map(Path::toString).toList()) + " (relia slo convert --to " + format.id()
                        + ")."));
        conversion.problems().forEach(problem -> commandLine.getErr().println(problem.format()));
        commandLine.getErr().flush();
        if (conversion.hasErrors()) {
            throw new InputException(List.of());
        }
        if (output == null) {
            commandLine.getOut().print(conversion.text());
            commandLine.getOut().flush();
            ReportOutput.checkWritten(commandLine.getOut());
            return ExitCode.OK;
        }
        try {
            ReportOutput.writeAtomically(output, conversion.text());
        } catch (IOException failed) {
            throw new ExternalFailure("cannot write " + output + ": " + failed.getMessage(), failed);
        }
        commandLine.getErr().println("wrote " + output + " (" + slos.size() + (slos.size() == 1 ? " SLO, " : " SLOs, ")
                + format.id() + ")");
        return ExitCode.OK;
    }
}
