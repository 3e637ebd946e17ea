package io.relia.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the {@code relia} command line, with what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** True when anything printed looks like a Java stack trace or exception name. */
    boolean showsStackTrace() {
        String all = out + err;
        return all.contains("\tat ") || all.matches("(?s).*\\b\\w+(\\.\\w+)+(Exception|Error)\\b.*");
    }
}
