package io.relia.incident.metrics;

import java.util.Objects;

/**
 * Incidents a metric leaves out because their stored times break the lifecycle order it measures (records written
 * before Relia checked it, or edited behind its back): a negative or impossible duration would distort the metric.
 *
 * @param metric    the measure, e.g. {@code MTTR}
 * @param reason    the broken rule, e.g. "mitigated before impact started"
 * @param incidents how many incidents
 */
public record LeftOut(String metric, String reason, int incidents) {

    public LeftOut {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(reason, "reason");
        if (incidents <= 0) {
            throw new IllegalArgumentException("a left-out entry counts at least one incident: " + incidents);
        }
    }

    /** "2 incidents left out of MTTR: mitigated before impact started". */
    public String describe() {
        return incidents + (incidents == 1 ? " incident" : " incidents") + " left out of " + metric + ": " + reason;
    }
}
