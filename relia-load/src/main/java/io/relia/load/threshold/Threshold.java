package io.relia.load.threshold;

import io.relia.core.Location;

import java.util.Objects;

/**
 * A pass/fail criterion on a load run, such as {@code p99<300ms} or {@code errors<0.5%}.
 *
 * @param source   the text as the user wrote it, for reports
 * @param metric   what is measured
 * @param op       how the measured value compares with the limit
 * @param limit    the limit in the metric's unit: milliseconds for latencies, a fraction (0–1) for errors,
 *                 requests per second for the rate
 * @param location where it was declared ({@code null} for a command-line flag)
 */
public record Threshold(String source, Metric metric, Comparison op, double limit, Location location) {

    public Threshold {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
    }

    /** Evaluates against a window; a window in which nothing finished passes (there is nothing to judge). */
    public Verdict evaluate(WindowStats stats) {
        double observed = metric.observe(stats);
        boolean pass = Double.isNaN(observed) || op.holds(observed, limit);
        return new Verdict(this, observed, pass);
    }

    /** What a threshold measures. */
    public sealed interface Metric {
        double observe(WindowStats stats);

        /** A latency percentile in milliseconds, e.g. 99 or 99.9. */
        record Percentile(double percentile) implements Metric {
            @Override
            public double observe(WindowStats stats) {
                return stats.latencyPercentileMillis(percentile);
            }
        }

        /** Mean latency in milliseconds. */
        record Mean() implements Metric {
            @Override
            public double observe(WindowStats stats) {
                return stats.meanLatencyMillis();
            }
        }

        /** Largest latency in milliseconds. */
        record Max() implements Metric {
            @Override
            public double observe(WindowStats stats) {
                return stats.maxLatencyMillis();
            }
        }

        /** Share of requests that failed, 0–1. */
        record ErrorRatio() implements Metric {
            @Override
            public double observe(WindowStats stats) {
                return stats.requests() == 0 ? Double.NaN : (double) stats.errors() / stats.requests();
            }
        }

        /** Requests finished per second. */
        record Rate() implements Metric {
            @Override
            public double observe(WindowStats stats) {
                return stats.seconds() <= 0 ? Double.NaN : stats.achievedRate();
            }
        }
    }

    /** A comparison between the observed value and the limit. */
    public enum Comparison {
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double observed, double limit) {
            return switch (this) {
                case LESS -> observed < limit;
                case LESS_OR_EQUAL -> observed <= limit;
                case GREATER -> observed > limit;
                case GREATER_OR_EQUAL -> observed >= limit;
            };
        }
    }

    /** The outcome of evaluating a threshold. */
    public record Verdict(Threshold threshold, double observed, boolean pass) {

        /** The observed value in the threshold's unit, for people: {@code 0.412%}, {@code 231.5ms}, {@code 980 req/s}. */
        public String observedText() {
            if (Double.isNaN(observed)) {
                return "nothing measured";
            }
            return switch (threshold.metric()) {
                case Metric.ErrorRatio e -> String.format(java.util.Locale.ROOT, "%.3f%%", observed * 100);
                case Metric.Rate r -> String.format(java.util.Locale.ROOT, "%.1f req/s", observed);
                default -> String.format(java.util.Locale.ROOT, "%.1fms", observed);
            };
        }
    }
}
