package io.relia.example;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One-line log records on stderr: {@code 2026-11-23T12:08:19.780Z INFO message}. Plain stderr rather than
 * java.util.logging, whose own shutdown hook may silence records written while the service stops.
 */
final class Log {
    private static final PrintStream OUT = System.err;

    private Log() {
    }

    static void info(String message) {
        write("INFO", message, null);
    }

    static void warn(String message) {
        write("WARN", message, null);
    }

    static void error(String message, Throwable error) {
        write("ERROR", message, error);
    }

    private static void write(String level, String message, Throwable error) {
        synchronized (OUT) {
            OUT.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message);
            if (error != null) {
                error.printStackTrace(OUT);
            }
        }
    }
}
