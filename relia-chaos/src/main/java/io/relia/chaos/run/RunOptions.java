package io.relia.chaos.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an experiment.
 *
 * @param probeInterval   how often abort criteria are checked and traffic is sampled during waits (default 1 s)
 * @param rollbackTimeout bound on all rollbacks and the safety net together (default 60 s)
 * @param journal         where to write the journal (atomically) when the run ends, also on interruption
 */
public record RunOptions(Duration probeInterval, Duration rollbackTimeout, Optional<Path> journal) {

    public static final RunOptions DEFAULTS = new RunOptions(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Optional.empty());

    public RunOptions {
        Objects.requireNonNull(journal, "journal");
        if (probeInterval.isNegative() || probeInterval.isZero() || rollbackTimeout.isNegative()
                || rollbackTimeout.isZero()) {
            throw new IllegalArgumentException("the probe interval and rollback timeout are positive");
        }
    }

    public RunOptions withJournal(Path path) {
        return new RunOptions(probeInterval, rollbackTimeout, Optional.of(path));
    }

    public RunOptions withProbeInterval(Duration interval) {
        return new RunOptions(interval, rollbackTimeout, journal);
    }
}
