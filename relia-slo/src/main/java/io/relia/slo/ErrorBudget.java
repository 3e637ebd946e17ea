package io.relia.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The error budget of an objective over a period, in exact decimals: 99.95% over 30 days leaves 0.05%, that is
 * 21.6 minutes of full outage or 1 failed event in 2,000.
 *
 * @param objectivePercent the objective in percent
 * @param period           the SLO window
 */
public record ErrorBudget(BigDecimal objectivePercent, Duration period) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static ErrorBudget of(Slo slo, Duration defaultPeriod) {
        return new ErrorBudget(new BigDecimal(Double.toString(slo.objective())), slo.period().orElse(defaultPeriod));
    }

    /** The budget as a ratio of events, 0..1. */
    public BigDecimal ratio() {
        return HUNDRED.subtract(objectivePercent).divide(HUNDRED, MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** Minutes of full outage the budget allows over the period. */
    public BigDecimal minutes() {
        return ratio().multiply(BigDecimal.valueOf(period.toMinutes())).stripTrailingZeros();
    }

    /** One failed event in this many (rounded): 1 / ratio. */
    public long oneFailureIn() {
        return BigDecimal.ONE.divide(ratio(), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
