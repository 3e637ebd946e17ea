package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.slo.Slo;
import io.relia.slo.SloDuplicates;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads SLO spec files for the {@code slo} commands: warnings are printed, errors stop the command (exit 2), notes
 * only where asked for.
 */
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
     * Loads every file and prints all their problems, each once, sorted by file and line; any error stops the command
     * (exit 2) before anything is written. The same SLO ID in two files is an error (their rules would collide); the
     * same SLO written in several formats, or an alert name two SLOs share, is a warning. Notes on how an SLI was read
     * are printed only when {@code notes} is set (validate, explain, {@code --verbose}).
     */
    static List<SloFile> loadAll(List<Path> paths, PrintWriter err, boolean notes) {
        List<SloFile> files = SloSpecs.loadAll(paths);
        List<Problem> problems = new ArrayList<>();
        files.forEach(file -> problems.addAll(file.problems()));
        List<Problem> collisions = collisions(files);
        problems.addAll(collisions);
        List<Slo> all = files.stream().flatMap(file -> file.slos().stream()).toList();
        boolean collide = !collisions.isEmpty();
        if (!collide) {
            problems.addAll(SloDuplicates.of(all).problems());
        }
        problems.stream().filter(problem -> notes || !problem.isNote()).distinct().sorted()
                .forEach(problem -> err.println(problem.format()));
        err.flush();
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(List.of());
        }
        return files;
    }

    /** The same SLO ID in two files: an error at the later definition, as their rules would collide. */
    static List<Problem> collisions(List<SloFile> files) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (SloFile file : files) {
            for (Slo slo : file.slos()) {
                Location first = seen.putIfAbsent(slo.id(), slo.location());
                if (first != null && !first.file().equals(slo.location().file())) {
                    problems.add(Problem.error(slo.location(), "SLO \"" + slo.id() + "\" is also defined at " + first,
                            "one definition per service and SLO name across the files", "their rules would collide"));
                }
            }
        }
        return problems;
    }
}
