package io.relia.incident.metrics;

import java.util.Objects;

/**
 * The response numbers of one group of incidents (all of them, one severity or one service). Which "R" MTTR
 * means, and every other definition, is on {@link IncidentMetrics}.
 *
 * @param count              incidents in the group
 * @param open               of those, not resolved yet
 * @param mttd               time to detect: impact start → detection, incidents with a recorded impact start
 * @param mtta               time to acknowledge: detection → acknowledgement, acknowledged incidents (open ones too)
 * @param mttr               time to recover: impact start (detection when unknown) → mitigation, resolved incidents
 * @param timeToResolve      declaration → resolution, resolved incidents
 * @param responseBreaches   incidents acknowledged later than the policy's response target, or still
 *                           unacknowledged past it
 * @param postmortemsOverdue incidents whose required postmortem is past due and not complete
 */
public record IncidentStats(int count, int open, DurationStats mttd, DurationStats mtta, DurationStats mttr,
                            DurationStats timeToResolve, int responseBreaches, int postmortemsOverdue) {

    public IncidentStats {
        Objects.requireNonNull(mttd, "mttd");
        Objects.requireNonNull(mtta, "mtta");
        Objects.requireNonNull(mttr, "mttr");
        Objects.requireNonNull(timeToResolve, "timeToResolve");
    }
}
