package io.relia.slo.nativespec;

import io.relia.slo.Sli;

import java.math.BigDecimal;

/**
 * A native SLI translated to an error-ratio SLI, and the objective it implies.
 *
 * @param sli              the error-ratio SLI
 * @param objectivePercent the objective in percent (for a latency target, the quantile × 100)
 */
record Translation(Sli sli, BigDecimal objectivePercent) {
}
