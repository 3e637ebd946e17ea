package io.relia.chaos.experiment;

import io.relia.core.Location;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an experiment: an action (changes the system) or a probe (observes it), with Chaos Toolkit's
 * pauses and {@code background} flag.
 *
 * @param kind        action or probe
 * @param name        a name unique enough for journals
 * @param provider    what it does
 * @param tolerance   for probes in a hypothesis: what the output must be
 * @param pauseBefore wait before it
 * @param pauseAfter  wait after it; for a {@code fault} action this is the fault window
 * @param background  run concurrently with the following activities
 * @param fault       an action whose {@code pauseAfter} is a fault window: abort criteria are checked during it
 *                    and verifications run at its end
 * @param location    where it is written
 */
public record Activity(Kind kind, String name, Provider provider, Optional<Tolerance> tolerance,
                       Duration pauseBefore, Duration pauseAfter, boolean background, boolean fault,
                       Location location) {

    /** What an activity is. */
    public enum Kind {
        ACTION, PROBE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Activity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(location, "location");
        if (pauseBefore.isNegative() || pauseAfter.isNegative()) {
            throw new IllegalArgumentException("pauses are not negative");
        }
        if (fault && kind != Kind.ACTION) {
            throw new IllegalArgumentException("only an action injects a fault");
        }
    }

    /** A probe with a tolerance and no pauses. */
    public static Activity probe(String name, Provider provider, Tolerance tolerance, Location location) {
        return new Activity(Kind.PROBE, name, provider, Optional.of(tolerance), Duration.ZERO, Duration.ZERO, false,
                false, location);
    }

    /** An action with no pauses. */
    public static Activity action(String name, Provider provider, Location location) {
        return new Activity(Kind.ACTION, name, provider, Optional.empty(), Duration.ZERO, Duration.ZERO, false, false,
                location);
    }
}
