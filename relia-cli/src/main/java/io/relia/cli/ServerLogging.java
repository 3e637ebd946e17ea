package io.relia.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Turns on logging for {@code relia serve} and {@code relia chaos proxy}: JSON lines on stderr (see logback.xml),
 * Relia's own loggers at the chosen level, libraries (Jetty, HikariCP, Flyway) at WARN so their start-up chatter
 * stays out.
 */
final class ServerLogging {

    private static final List<String> LEVELS = List.of("error", "warn", "info", "debug");

    private ServerLogging() {
    }

    /**
     * Applies {@code level} (error, warn, info, debug) to Relia's loggers. On a class path whose SLF4J provider is
     * not Logback (an embedding application's, or a test's slf4j-nop) the level is checked and logging left to that
     * provider: Logback's classes are only touched when Logback is the provider.
     */
    static void enable(String level) {
        String name = level.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(name)) {
            throw new IllegalArgumentException("unknown log level \"" + level + "\"; expected error, warn, info or"
                    + " debug");
        }
        if (LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.")) {
            Logback.apply(name);
        }
    }

    /** Loaded only when Logback is present. */
    private static final class Logback {
        static void apply(String level) {
            if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
                root.setLevel(Level.WARN);
                ((Logger) LoggerFactory.getLogger("io.relia")).setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT)));
            }
        }
    }
}
