package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.report.TerminalText;
import io.relia.incident.IncidentException;
import io.relia.incident.store.StoreException;
import io.relia.core.Problem;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/** Entry point of the {@code relia} command. Users never see a stack trace unless they ask for one. */
public final class Main {

    /** Exit code for a bug in Relia (sysexits EX_SOFTWARE); user mistakes exit 2, never this. */
    static final int INTERNAL_ERROR = 70;

    private Main() {
    }

    public static void main(String[] args) {
        StandardStream stdout = StandardStream.output();
        PrintStream out = stdout.printStream();
        PrintStream err = StandardStream.error().printStream();
        System.setOut(out);
        System.setErr(err);
        System.exit(run(args, out, err, stdout::failure));
    }

    /** Runs one command line; returns the exit code instead of exiting (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Optional::empty);
    }

    /**
     * Runs one command line. A closed pipe on {@code out} never reaches here ({@link StandardStream} drops the rest
     * quietly); any other write failure of {@code out} is an external failure, exit 3, said with
     * {@code whyNotWritten}'s reason.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<Optional<IOException>> whyNotWritten) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = commandLine(outWriter, errWriter);
        try {
            int code = commandLine.execute(args);
            outWriter.flush();
            if (out.checkError() && code == ExitCode.OK) {
                // PrintStream hides write errors (a full disk); the output is lost, so say so.
                errWriter.println("relia: error: cannot write to standard output"
                        + whyNotWritten.get().map(e -> ": " + e.getMessage()).orElse(""));
                return ExitCode.EXTERNAL;
            }
            return code;
        } catch (LinkageError | StackOverflowError | RuntimeException bug) {
            // picocli hands Errors through; they are still Relia's bugs, not the user's, and get no stack trace.
            errWriter.println("relia: internal error: " + TerminalText.oneLine(String.valueOf(bug))
                    + " (this is a bug in Relia; set RELIA_DEBUG=1 to see the stack trace, and please report it)");
            if (System.getenv("RELIA_DEBUG") != null) {
                bug.printStackTrace(errWriter);
            }
            return INTERNAL_ERROR;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Errors quote what the user, a file or a server said: they are printed safe for a terminal. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ReliaCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        HelpLayout.apply(commandLine, HelpLayout.terminalColumns(System.getenv("COLUMNS")));
        commandLine.setExitCodeExceptionMapper(exception -> exception instanceof InputException
                || exception instanceof IncidentException ? ExitCode.INPUT
                : INTERNAL_ERROR);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            UsageErrors.print(exception);
            return ExitCode.INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof InputException input) {
                for (Problem problem : input.problems()) {
                    failed.getErr().println(problem.format());
                }
                return ExitCode.INPUT;
            }
            if (exception instanceof IncidentException incident) {
                failed.getErr().println("relia: error: " + TerminalText.oneLine(incident.getMessage()));
                return ExitCode.INPUT;
            }
            if (exception instanceof StoreException store) {
                failed.getErr().println("relia: error: " + TerminalText.oneLine(store.getMessage()));
                return ExitCode.EXTERNAL;
            }
            if (exception instanceof ExternalFailure external) {
                failed.getErr().println("relia: error: " + TerminalText.oneLine(external.getMessage()));
                return ExitCode.EXTERNAL;
            }
            failed.getErr().println("relia: internal error: " + TerminalText.oneLine(String.valueOf(exception))
                    + " (this is a bug in Relia; set RELIA_DEBUG=1 to see the stack trace, and please report it)");
            if (System.getenv("RELIA_DEBUG") != null) {
                exception.printStackTrace(failed.getErr());
            }
            return INTERNAL_ERROR;
        });
        return commandLine;
    }
}
