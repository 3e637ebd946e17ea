package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.files.AtomicFiles;
import io.relia.core.Problem;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.core.report.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** The {@code --format}, {@code --output} and {@code --no-color} options, and writing a report with them. */
final class ReportOutput {

    /** Completion candidates for {@code --format}. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ReportFormat.values()).map(ReportFormat::id).iterator();
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Formats.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE (replaced atomically) instead of standard output.")
    Path output;

    @Option(names = "--no-color", description = "No ANSI colours, even on a terminal (NO_COLOR is honoured too).")
    boolean noColor;

    ReportFormat format(CommandLine commandLine) {
        return ReportFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                "--format " + format + " is not a report format; expected " + ReportFormat.choices()));
    }

    void write(Report report, CommandLine commandLine) {
        ReportFormat reportFormat = format(commandLine);
        if (output == null) {
            boolean colour = !noColor && System.getenv("NO_COLOR") == null && CommandLine.Help.Ansi.AUTO.enabled();
            PrintWriter out = commandLine.getOut();
            try {
                ReportWriter writer = ReportWriter.forFormat(reportFormat, colour, Terminal.width());
                if (reportFormat == ReportFormat.TEXT || !CommandLine.Help.Ansi.AUTO.enabled()) {
                    writer.write(report, out);
                } else {
                    // Markdown or HTML read on a terminal is terminal output: a title from the store must not
                    // reach it raw. The text writer escapes by itself; in a pipe the bytes stay as they are.
                    StringWriter buffer = new StringWriter();
                    writer.write(report, buffer);
                    out.print(TerminalText.multiLine(buffer.toString()));
                    out.flush();
                }
            } catch (IOException impossible) {
                throw new ExternalFailure("cannot write the report: " + impossible.getMessage(), impossible);
            }
            checkWritten(out);
            return;
        }
        StringWriter buffer = new StringWriter();
        try {
            ReportWriter.forFormat(reportFormat, false).write(report, buffer);
            writeAtomically(output, buffer.toString());
        } catch (IOException failed) {
            throw new InputException(List.of(Problem.error(Location.wholeFile(output),
                    "cannot write the report: " + failed.getMessage(), "a writable file path", "")));
        }
        commandLine.getErr().println("wrote " + output);
    }

    /**
     * Writes text already in its final format (SARIF, generated rules) to standard output or, with {@code
     * --output}, atomically to the file.
     */
    void writeText(String content, CommandLine commandLine) {
        if (output == null) {
            PrintWriter out = commandLine.getOut();
            out.print(content);
            out.flush();
            checkWritten(out);
            return;
        }
        try {
            writeAtomically(output, content);
        } catch (IOException failed) {
            throw new InputException(List.of(Problem.error(Location.wholeFile(output),
                    "cannot write the report: " + failed.getMessage(), "a writable file path", "")));
        }
        commandLine.getErr().println("wrote " + output);
    }

    /**
     * PrintWriter hides write errors (a full disk): they are an external failure, exit 3. A closed pipe is not an
     * error and never shows here: {@link StandardStream} drops the rest of the output quietly.
     */
    static void checkWritten(PrintWriter out) {
        if (out.checkError()) {
            throw new ExternalFailure("cannot write to standard output", null);
        }
    }

    /** Writes content to a writer; may fail with an I/O error. */
    interface Content extends AtomicFiles.Content {
    }

    /** Writes beside the target and renames, so a crash never leaves a half-written report in place. */
    static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.writeString(target, content);
    }

    /** See {@link AtomicFiles#write}. */
    static void writeAtomically(Path target, Content content) throws IOException {
        AtomicFiles.write(target, content);
    }
}
