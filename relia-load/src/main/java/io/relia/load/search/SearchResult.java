package io.relia.load.search;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a maximum-sustainable-throughput search.
 *
 * @param slo          the SLO as given, e.g. {@code p99<200ms,errors<0.1%}
 * @param knee         the highest rate that met the SLO and held when repeated; empty when even the start failed
 * @param firstFailure the lowest rate that failed, with its reason; empty when the maximum rate passed
 * @param steps        every step in the order run
 * @param limitedBy    why the search stopped: {@code precision}, {@code max-rate}, {@code start-failed},
 *                     {@code generator} (the load generator could not keep up) or {@code steps}
 */
public record SearchResult(String slo, Optional<StepResult> knee, Optional<StepResult> firstFailure,
        List<StepResult> steps, String limitedBy) {

    public SearchResult {
        steps = List.copyOf(steps);
    }
}
