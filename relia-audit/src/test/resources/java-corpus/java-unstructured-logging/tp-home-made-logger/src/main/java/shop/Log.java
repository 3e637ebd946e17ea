package shop;

import java.io.PrintStream;
import java.time.Instant;

/** Plain-text lines on stderr: a logger in all but name. */
final class Log {
    private static final PrintStream OUT = System.err;

    private Log() {
    }

    static void info(String message) {
        write("INFO", message);
    }

    static void error(String message) {
        write("ERROR", message);
    }

    private static void write(String level, String message) {
        OUT.println(Instant.now() + " " + level + " " + message); // expect: java/unstructured-logging
    }
}
