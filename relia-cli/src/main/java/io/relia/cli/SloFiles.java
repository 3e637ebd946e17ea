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

    /** The {@code --default-period} value: from the longest default alert window (3d) to a year, else usage error. */
    static java.time.Duration period(String text, picocli.CommandLine commandLine) {
        return io.relia.core.value.Durations.parse(text).asOptional()
                .filter(d -> d.compareTo(java.time.Duration.ofDays(3)) >= 0 && d.compareTo(java.time.Duration.ofDays(366)) <= 0)
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(commandLine, "--default-period " + text
                        + " is not a usable SLO period; expected a duration from 3d to 366d, such as 30d or 28d"));
    }

    /**
     * Loads every file and prints all their problems sorted by file and line; any error stops the command (exit 2)
     * before anything is written. The same SLO defined in two files is an error too: their rules would collide.
     */
    static List<SloFile> loadAll(List<Path> paths, PrintWriter err) {
        List<SloFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        java.util.Map<String, io.relia.core.Location> seen = new java.util.HashMap<>();
        for (Path path : paths) {
            SloFile file = SloSpecs.load(path);
            files.add(file);
            problems.addAll(file.problems());
            for (io.relia.slo.Slo slo : file.slos()) {
                io.relia.core.Location first = seen.putIfAbsent(slo.id(), slo.location());
                if (first != null && !first.file().equals(slo.location().file())) {
                    problems.add(Problem.error(slo.location(), "SLO \"" + slo.id() + "\" is also defined at " + first,
                            "one definition per service and SLO name across the files", "their rules would collide"));
                }
            }
        }
        problems.stream().sorted().forEach(problem -> err.println(problem.format()));
        err.flush();
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(List.of());
        }
        return files;
    }
}
