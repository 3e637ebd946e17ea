package io.relia.load.run;

import io.relia.load.scenario.Scenario;
import io.relia.load.threshold.Threshold;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a load run.
 *
 * @param scenario    what was run
 * @param options     how it was run
 * @param transport   {@code epoll} or {@code nio}
 * @param started     wall-clock start
 * @param total       statistics after the warm-up
 * @param timeline    one point per interval, warm-up included
 * @param verdicts    every threshold evaluated over the whole run after warm-up
 * @param abortedBy   the threshold whose sliding-window failure stopped the run, if one did
 * @param interrupted whether the run was stopped from outside (Ctrl-C)
 */
public record LoadResult(Scenario scenario, LoadOptions options, String transport, Instant started, LoadStats total,
        List<TimelinePoint> timeline, List<Threshold.Verdict> verdicts, Optional<Threshold.Verdict> abortedBy,
        boolean interrupted) {

    public LoadResult {
        timeline = List.copyOf(timeline);
        verdicts = List.copyOf(verdicts);
    }

    /** Whether every threshold held and the run was not aborted by one. */
    public boolean passed() {
        return abortedBy.isEmpty() && verdicts.stream().allMatch(Threshold.Verdict::pass);
    }
}
