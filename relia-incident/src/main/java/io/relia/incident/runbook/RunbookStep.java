package io.relia.incident.runbook;

import io.relia.core.Location;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a runbook: what to do, optionally a shell command that does or checks it, what a healthy result
 * looks like, and how risky running it is.
 *
 * @param number   position within its phase, from 1
 * @param command  a shell command ({@code /bin/sh -c}), or empty for a step a person does
 * @param expected what a healthy result looks like, or ""
 * @param timeout  longest the command may run, or empty for the run's default
 */
public record RunbookStep(Phase phase, int number, String title, Optional<String> command, String expected,
                          Risk risk, Optional<Duration> timeout, Location location) {

    /** The phases a run walks, in order. */
    public enum Phase {
        DIAGNOSIS, MITIGATION, RESOLUTION, VERIFICATION;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How much harm running the command can do; only low-risk commands run without asking under --yes. */
    public enum Risk {
        LOW, MEDIUM, HIGH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RunbookStep {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(title, "title");
        command = command.map(String::strip).filter(text -> !text.isEmpty());
        expected = expected == null ? "" : expected.strip();
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(location, "location");
    }

    /** {@code diagnosis 2}, as runs and timelines name a step. */
    public String reference() {
        return phase.label() + " " + number;
    }
}
