package io.relia.cli;

import io.relia.load.report.MergedLogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia load merge}: one latency distribution from the interval logs of several runs or machines. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        description = {"Merge the latency logs of several machines or runs into one distribution.", "",
            "The logs are HdrHistogram interval logs (latency.hlog from relia load run --out); the merged p99 is",
            "the p99 of all requests, not an average of p99s.", "",
            "Example:", "  relia load merge worker-*/latency.hlog --format json", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  merged", "  2  a file is missing or not an interval log"})
final class LoadMergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Interval logs to merge.")
    private List<Path> logs;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        output.format(spec.commandLine());
        output.write(MergedLogs.read(logs).report(), spec.commandLine());
        return 0;
    }
}
