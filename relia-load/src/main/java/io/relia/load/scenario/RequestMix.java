package io.relia.load.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The order in which a scenario's requests are sent: a smooth weighted round-robin (nginx's upstream algorithm), so
 * that every {@link #cycleLength()} consecutive requests hold exactly each request's weight, interleaved rather
 * than in runs. The cycle is computed once; {@link #at(long)} is a table look-up, safe from any thread.
 * {@link #next()} keeps its own position and is for one thread.
 */
public final class RequestMix {

    /** The longest cycle kept (ints); larger weight sums are scaled down, keeping proportions to within 1/65536. */
    static final int MAX_CYCLE = 1 << 16;

    private final int[] cycle;
    private long position;

    private RequestMix(int[] cycle) {
        this.cycle = cycle;
    }

    /** The mix of a scenario's requests, by their weights. */
    public static RequestMix of(Scenario scenario) {
        return of(scenario.requests().stream().mapToDouble(RequestTemplate::weight).toArray());
    }

    /** The mix of positive weights; index {@code i} stands for weight {@code i}. */
    public static RequestMix of(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a mix needs at least one weight");
        }
        return new RequestMix(cycle(integerWeights(weights)));
    }

    /** The template index of the next request; advances this mix's own position (one thread). */
    public int next() {
        return at(position++);
    }

    /** The template index of request number {@code sequence} (from 0): the same for the same sequence. */
    public int at(long sequence) {
        return cycle[(int) Math.floorMod(sequence, (long) cycle.length)];
    }

    /** How many requests one full cycle holds: the sum of the (integer) weights. */
    public int cycleLength() {
        return cycle.length;
    }

    /** A mix over the same cycle with its own position, starting at 0: one per engine thread. */
    public RequestMix fork() {
        return new RequestMix(cycle);
    }

    /**
     * Whole-number weights in the same proportions: decimals are scaled to integers and divided by their greatest
     * common divisor, so weights 8 and 2 give a cycle of 5 (4 and 1), and 0.5 and 1.5 a cycle of 4.
     */
    static int[] integerWeights(double[] weights) {
        BigInteger[] scaled = new BigInteger[weights.length];
        int scale = 0;
        for (double weight : weights) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be positive: " + weight);
            }
            scale = Math.max(scale, Math.min(6, Math.max(0, BigDecimal.valueOf(weight).stripTrailingZeros().scale())));
        }
        BigInteger gcd = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            scaled[i] = BigDecimal.valueOf(weights[i]).movePointRight(scale).setScale(0, RoundingMode.HALF_UP)
                    .toBigInteger().max(BigInteger.ONE);
            gcd = gcd.gcd(scaled[i]);
        }
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = scaled[i].divide(gcd);
            sum = sum.add(scaled[i]);
        }
        int[] out = new int[weights.length];
        boolean tooLong = sum.compareTo(BigInteger.valueOf(MAX_CYCLE)) > 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = tooLong ? (int) Math.max(1, Math.round(scaled[i].doubleValue() * MAX_CYCLE / sum.doubleValue()))
                    : scaled[i].intValueExact();
        }
        return out;
    }

    /** One cycle of smooth weighted round-robin: add each weight, pick the largest, subtract the total from it. */
    static int[] cycle(int[] weights) {
        int total = Arrays.stream(weights).sum();
        int[] current = new int[weights.length];
        int[] order = new int[total];
        for (int n = 0; n < total; n++) {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                current[i] += weights[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            order[n] = best;
        }
        return order;
    }
}
