package io.relia.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Turns on logging for {@code relia serve}: JSON lines on stderr (see logback.xml), Relia's own loggers at the
 * chosen level, libraries (Jetty, HikariCP, Flyway) at WARN so their start-up chatter stays out.
 */
final class ServerLogging {

    private ServerLogging() {
    }

    /** Applies {@code level} (error, warn, info, debug) to Relia's loggers. */
    static void enable(String level) {
        Level relia = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
        if (relia == null) {
            throw new IllegalArgumentException("unknown log level \"" + level + "\"; expected error, warn, info or"
                    + " debug");
        }
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
            ((Logger) LoggerFactory.getLogger("io.relia")).setLevel(relia);
        }
    }
}
