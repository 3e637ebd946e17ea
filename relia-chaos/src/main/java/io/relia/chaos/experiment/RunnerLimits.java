package io.relia.chaos.experiment;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What stops Relia's runner although the experiment is valid Chaos Toolkit: a {@code python} provider (Chaos
 * Toolkit's main extension mechanism, which Relia does not run), a JSONPath tolerance beyond Relia's subset, and
 * configuration read from an environment
 * variable that is not set where Relia runs (Chaos Toolkit resolves {@code {type: env}} at run time, not when it
 * validates). {@code relia chaos run} refuses such an experiment with an error; the audit, the review and
 * {@code relia validate} judge the file, not the machine, so for them these are warnings
 * ({@link #atValidation}). One class makes these problems and recognises them, so the two never drift apart.
 */
public final class RunnerLimits {

    private static final String CANNOT = "Relia cannot run ";
    private static final String CANNOT_READ = "Relia cannot read ";
    private static final String PYTHON = CANNOT + "python provider ";
    private static final Pattern UNSET = Pattern.compile(
            "environment variable (\\S+) \\(configuration \"(.*)\"\\) is not set and has no default");

    private RunnerLimits() {
    }

    /** A python provider, refused by the run: {@code module.func} names what Chaos Toolkit would call. */
    static void pythonProvider(Problems problems, Location at, String function) {
        problems.error(at, PYTHON + (function.isEmpty() ? "" : function + " ") + "(Chaos Toolkit can)",
                "http or process", "run this experiment with Chaos Toolkit's chaos run, or call the function as a "
                        + "process: {type: process, path: python3, arguments: [-c, ...]}");
    }

    /** A {@code probe} tolerance: Chaos Toolkit judges the output with a function ({@code module.func}). */
    static void probeTolerance(Problems problems, Location at, String function) {
        problems.error(at, CANNOT + "a probe tolerance" + (function.isEmpty() ? "" : " " + function)
                + " (Chaos Toolkit can)", "regex, jsonpath, range or a value", "run this experiment with Chaos "
                + "Toolkit's chaos run, or judge the value with a jsonpath, range or regex tolerance");
    }

    /**
     * A JSONPath tolerance beyond Relia's subset (a filter {@code [?(...)]}): chaostoolkit-lib evaluates these
     * tolerances with jsonpath2, which reads filters, so the file is valid; Relia's runner cannot evaluate it.
     */
    static void unsupportedJsonPath(Problems problems, Location at, String detail) {
        problems.error(at, CANNOT + "this JSONPath tolerance (Chaos Toolkit can): " + detail,
                "a JSONPath of Relia's subset such as $.items[0].status", "run this experiment with Chaos Toolkit's "
                        + "chaos run, or test the value with a process probe");
    }

    /**
     * A configuration (or secret) value of a type Relia does not read ({@code vault}, a dynamic {@code probe}):
     * Chaos Toolkit resolves it at run time, so the file is valid.
     */
    static void configurationType(Problems problems, Location at, String name, String type) {
        problems.error(at, CANNOT_READ + "configuration \"" + name + "\" of type \"" + type + "\" (Chaos Toolkit can)",
                "a value, or {type: env, key: VARIABLE}", "run this experiment with Chaos Toolkit's chaos run, or "
                        + "read the value from an environment variable");
    }

    /** A {@code {type: env}} configuration whose variable is not set here and has no default. */
    static void unsetVariable(Problems problems, Location at, String variable, String configuration) {
        problems.error(at, "environment variable " + variable + " (configuration \"" + configuration
                + "\") is not set and has no default", "", "set " + variable + " or add a default");
    }

    /** True for a problem of this class: the file is valid, Relia's runner (or this machine) cannot run it. */
    public static boolean isRunnerLimit(Problem problem) {
        return problem.message().startsWith(CANNOT) || problem.message().startsWith(CANNOT_READ)
                || UNSET.matcher(problem.message()).matches();
    }

    /** The configuration name whose environment variable is unset, for a problem of {@link #unsetVariable}. */
    public static Optional<String> unsetConfiguration(Problem problem) {
        Matcher unset = UNSET.matcher(problem.message());
        return unset.matches() ? Optional.of(unset.group(2)) : Optional.empty();
    }

    /**
     * The problem as a validator reports it: a runner limit becomes a warning worded for the file, an unset
     * variable a note, "needed at run time"; any other problem is unchanged.
     */
    public static Problem atValidation(Problem problem) {
        Matcher unset = UNSET.matcher(problem.message());
        if (unset.matches()) {
            return Problem.note(problem.location(), "needed at run time: " + unset.group(1) + " (configuration \""
                    + unset.group(2) + "\" reads it and has no default)", "the run fails unless " + unset.group(1)
                    + " is set; add a default to run it anywhere");
        }
        return isRunnerLimit(problem) ? problem.withLevel(Problem.Level.WARNING) : problem;
    }
}
