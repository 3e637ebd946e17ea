package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths you can paste: every path the review prints is relative to where it ran (or absolute), and every command it
 * suggests works when pasted there. The review runs here on ../examples/checkout-service, so a path printed relative
 * to the service directory (reliability/slos.yaml) does not exist from here and fails the test.
 */
class ReviewPathsTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service");
    /** A path with a directory and one of the extensions of Relia's inputs, optionally with :line:column. */
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w/.-])((?:\\.\\./|/)?[\\w.-]+(?:/[\\w.-]+)+\\.(?:ya?ml|json|java|om|csv|md|properties|hlog))"
                    + "(?::\\d+(?::\\d+)?)?");
    /** "relia <command> ..." up to the end of the clause that suggests it. */
    private static final Pattern COMMAND = Pattern.compile("\\brelia ((?:[a-z][a-z-]* )+[^()\\n;,]*?)"
            + "(?= and | to |\\)|;|,|$)", Pattern.MULTILINE);
    /** Commands safe to run in a test: they read files and print; none starts servers or sends traffic. */
    private static final Set<String> RUNNABLE = Set.of("validate", "audit", "slo validate", "slo explain",
            "slo status", "slo backtest", "slo gate", "capacity forecast", "runbook validate");

    private static String report;

    @BeforeAll
    static void review() {
        CliRun run = CliRun.of("review", EXAMPLE.toString(), "--no-color", "--verbose");
        assertThat(run.exitCode()).as(run.err()).isZero();
        report = run.out();
    }

    @Test
    void everyPrintedPathExistsFromWhereTheReviewRan() {
        Set<String> missing = new LinkedHashSet<>();
        Matcher path = PATH.matcher(report);
        int seen = 0;
        while (path.find()) {
            seen++;
            if (!Files.exists(Path.of(path.group(1)))) {
                missing.add(path.group());
            }
        }
        assertThat(seen).as("paths in the report").isGreaterThan(20);
        assertThat(missing).as("paths printed relative to somewhere else than the working directory").isEmpty();
    }

    @Test
    void everySuggestedCommandThatCanRunHereRunsWhereTheReviewRan() {
        List<String> ran = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        Matcher command = COMMAND.matcher(report);
        Set<String> seen = new LinkedHashSet<>();
        while (command.find()) {
            String line = command.group(1).strip();
            if (!seen.add(line) || line.matches(".*\\b[A-Z]{3,}\\b.*")) {
                continue; // a placeholder such as URL or FILE: the user fills it in
            }
            String[] args = line.split("\\s+");
            String name = args.length > 1 && RUNNABLE.contains(args[0] + " " + args[1]) ? args[0] + " " + args[1]
                    : args[0];
            if (!RUNNABLE.contains(name)) {
                continue;
            }
            CliRun run = CliRun.of(args);
            ran.add(line);
            if (run.exitCode() != ExitCode.OK && run.exitCode() != ExitCode.FAILED) {
                failed.add("relia " + line + " -> exit " + run.exitCode() + ": " + run.err().lines().findFirst()
                        .orElse(""));
            }
        }
        assertThat(ran).as("suggested commands run").isNotEmpty();
        assertThat(failed).isEmpty();
    }
}
