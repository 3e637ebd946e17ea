package io.relia.core;

/** The exit codes every Relia command uses (ARCHITECTURE.md, "CLI conventions"). */
public final class ExitCode {

    /** A report was produced; warnings allowed. */
    public static final int OK = 0;
    /** The check ran and its result fails (gate says freeze, findings at or above --fail-on). */
    public static final int FAILED = 1;
    /** Usage or input error: invalid spec, unknown flag, unreadable file. */
    public static final int INPUT = 2;
    /** An external system failed: Prometheus unreachable, port in use. */
    public static final int EXTERNAL = 3;

    private ExitCode() {
    }
}
