package io.relia.core;

import java.util.Objects;

/**
 * A reliability risk found in a service: which rule, how severe, where, and how to fix it.
 *
 * @param ruleId   stable rule ID ({@code java/http-client-no-timeout})
 * @param severity how much it threatens production
 * @param message  what is wrong here, one sentence
 * @param location where it is
 * @param fix      how to fix it, or empty
 */
public record Finding(String ruleId, Severity severity, String message, Location location, String fix)
        implements Comparable<Finding> {

    /** The rule of every input that could not be read or validated, in every command that reports findings. */
    public static final String INPUT_INVALID = "input/invalid";

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        fix = fix == null ? "" : fix;
    }

    /**
     * An input error as a finding: High, at the problem's place. A check that could not read what it needed must
     * fail, so every command that gates on findings ({@code --fail-on high}) fails on an unreadable input.
     */
    public static Finding inputInvalid(Problem problem) {
        String message = problem.message() + (problem.expected().isEmpty() ? "" : "; expected "
                + problem.expected());
        String fix = problem.hint().isEmpty() ? "fix the file; relia validate " + problem.location().file()
                + " lists every problem at once" : problem.hint();
        return new Finding(INPUT_INVALID, Severity.HIGH, message, problem.location(), fix);
    }

    /**
     * An input error in a file of no kind Relia reads (neither its keys nor its path say SLO, manifest, runbook,
     * experiment, rules, Spring config, ...): still a finding, because a broken YAML or JSON file is worth a word,
     * but Low, because no check rested on it and it may be a dialect or template Relia does not know.
     */
    public static Finding inputInvalidOfNoKnownKind(Problem problem) {
        Finding high = inputInvalid(problem);
        return new Finding(INPUT_INVALID, Severity.LOW, high.message() + " (a file of no kind Relia reads; no "
                + "check rested on it)", high.location(), high.fix());
    }

    /** Most severe first, then by place. */
    @Override
    public int compareTo(Finding other) {
        int bySeverity = severity.compareTo(other.severity);
        if (bySeverity != 0) {
            return bySeverity;
        }
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : ruleId.compareTo(other.ruleId);
    }
}
