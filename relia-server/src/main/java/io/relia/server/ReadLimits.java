package io.relia.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server API reads ({@code GET} and {@code HEAD} under {@code /api/}) may take, so that alert intake
 * always keeps store connections and CPU. Per client (remote address): a token bucket of {@code ratePerSecond}
 * refilling up to {@code burst}, and at most {@code inFlight} reads until their answers are sent; beyond either, 429
 * with {@code Retry-After}. Server-wide: at most {@code concurrent} reads run at once, at most {@code queued} wait
 * for a turn, each at most {@code maxWait}; beyond, 503 with {@code Retry-After}.
 *
 * @param ratePerSecond reads a client may start per second, sustained (&gt; 0)
 * @param burst         reads a client may start at once after being idle (&ge; 1)
 * @param inFlight      reads of one client being answered at the same time (&ge; 1)
 * @param concurrent    reads the whole server runs at once (&ge; 1)
 * @param queued        reads waiting for one of those turns (&ge; 0)
 * @param maxWait       longest wait for a turn before 503
 */
public record ReadLimits(double ratePerSecond, int burst, int inFlight, int concurrent, int queued,
                         Duration maxWait) {

    /**
     * 20 reads/s with bursts of 40 and 8 in flight per client (a dashboard page load is about 8 reads); half the
     * cores, at least 1, run reads at once, with up to 64 waiting 10 s at most: the other half of the CPU and all but
     * that many store connections stay with intake.
     */
    public static final ReadLimits DEFAULT = new ReadLimits(20, 40, 8,
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 64, Duration.ofSeconds(10));

    public ReadLimits {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the read rate must be a positive number of reads per second: "
                    + ratePerSecond);
        }
        if (burst < 1 || inFlight < 1 || concurrent < 1 || queued < 0) {
            throw new IllegalArgumentException("read limits must be at least 1 (queued at least 0): burst " + burst
                    + ", in flight " + inFlight + ", concurrent " + concurrent + ", queued " + queued);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("the longest wait for a read turn cannot be negative: " + maxWait);
        }
    }

    /** These limits with another per-client rate; the burst becomes twice the rate (at least 1). */
    public ReadLimits withRate(double perSecond) {
        return new ReadLimits(perSecond, (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(2 * perSecond))),
                inFlight, concurrent, queued, maxWait);
    }

    /** These limits with another number of reads a client may have in flight. */
    public ReadLimits withInFlight(int reads) {
        return new ReadLimits(ratePerSecond, burst, reads, concurrent, queued, maxWait);
    }

    /** These limits with another number of reads the server runs at once. */
    public ReadLimits withConcurrent(int reads) {
        return new ReadLimits(ratePerSecond, burst, inFlight, reads, queued, maxWait);
    }
}
