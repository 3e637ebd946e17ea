package io.relia.chaos.run;

import java.util.stream.Collectors;

/**
 * A run did not start because a target is missing or unreachable (see {@link Targets}); nothing was run and no
 * journal was written. The report says which target and how to fix it.
 */
public final class TargetsUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Not serialised: the exception never leaves the process. */
    private final transient Targets.Report report;

    public TargetsUnavailable(Targets.Report report) {
        super(report.failures().isEmpty() ? "interrupted while checking the targets"
                : report.failures().stream().map(Targets.Check::text).collect(Collectors.joining("; ")));
        this.report = report;
    }

    public Targets.Report report() {
        return report;
    }
}
