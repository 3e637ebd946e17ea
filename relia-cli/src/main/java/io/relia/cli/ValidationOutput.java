package io.relia.cli;

import io.relia.core.Problem;
import io.relia.core.report.TerminalText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** How the validate commands report one file: its problems on stderr, then an "ok" line on stdout when it passes. */
final class ValidationOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean strict;
    private boolean failed;

    /** With {@code strict}, warnings count as errors (notes stay notes). */
    ValidationOutput(PrintWriter out, PrintWriter err, boolean strict) {
        this.out = out;
        this.err = err;
        this.strict = strict;
    }

    /** Prints a file's problems, sorted, and {@code FILE: ok (what)} when none of them fails the file. */
    void report(Path file, List<Problem> problems, String what) {
        boolean fileFailed = false;
        for (Problem problem : problems.stream().sorted().toList()) {
            Problem shown = strict && problem.level() == Problem.Level.WARNING
                    ? problem.withLevel(Problem.Level.ERROR) : problem;
            err.println(shown.format());
            fileFailed |= shown.isError();
        }
        if (!fileFailed && !what.isEmpty()) {
            out.println(TerminalText.oneLine(file.toString()) + ": ok (" + what + ")");
        }
        failed |= fileFailed;
    }

    /** True when any file failed. */
    boolean failed() {
        out.flush();
        err.flush();
        return failed;
    }
}
