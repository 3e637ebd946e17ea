package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads SLO spec files for the {@code slo} commands: warnings are printed, errors stop the command (exit 2). */
final class SloFiles {

    private SloFiles() {
    }

    /** The {@code --default-period} value: a duration longer than the 5m alert window, else a usage error. */
    static java.time.Duration period(String text, picocli.CommandLine commandLine) {
        return io.relia.core.value.Durations.parse(text).asOptional().filter(d -> d.toMinutes() > 5)
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(commandLine, "--default-period " + text
                        + " is not a usable SLO period; expected a duration such as 30d or 28d"));
    }

    static List<SloFile> loadAll(List<Path> paths, PrintWriter err) {
        List<SloFile> files = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        for (Path path : paths) {
            SloFile file = SloSpecs.load(path);
            files.add(file);
            file.problems().stream().filter(problem -> !problem.isError()).forEach(problem -> err.println(problem.format()));
            file.problems().stream().filter(Problem::isError).forEach(errors::add);
        }
        err.flush();
        if (!errors.isEmpty()) {
            throw new InputException(errors);
        }
        return files;
    }
}
