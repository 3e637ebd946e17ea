package io.relia.slo.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deterministic request history of one service, sampled every minute: two counters
 * {@code http_requests_total{service, status="200"|"500"}} with a steady baseline error ratio, known incidents and
 * counter resets, so tests can compute by hand what Prometheus must answer. No randomness.
 *
 * <p>Sample {@code i} is taken at {@code start + i} minutes and counts the minute that ends there, {@code (t - 60 s,
 * t]}; sample 0 counts the minute before the start. A minute belongs to an incident when it lies wholly inside the
 * incident's {@code (offset, offset + length]}. At a counter reset both counters restart: their value at that sample
 * is that minute's increment only.
 */
public final class SyntheticHistory {

    /** Start of the default history, 2026-10-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-10-01T00:00:00Z");
    /** Time between samples. */
    public static final Duration STEP = Duration.ofMinutes(1);
    /** The counter's sample name; its OpenMetrics family is {@code http_requests}. */
    public static final String METRIC = "http_requests_total";

    /**
     * A period with a raised error ratio.
     *
     * @param offsetFromStart when it begins, from the history's start
     * @param length          how long it lasts
     * @param errorRatio      share of requests that fail during it, ratio 0..1
     * @param name            for test names and messages
     */
    public record Incident(Duration offsetFromStart, Duration length, double errorRatio, String name) {

        public Incident {
            Objects.requireNonNull(offsetFromStart, "offsetFromStart");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(name, "name");
            if (offsetFromStart.isNegative() || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("incident " + name + " needs offset >= 0 and length > 0");
            }
            if (!(errorRatio >= 0 && errorRatio <= 1)) {
                throw new IllegalArgumentException("incident " + name + ": error ratio must be 0..1: " + errorRatio);
            }
        }

        /** True when the minute ending {@code minuteEnd} after the start lies wholly inside this incident. */
        boolean covers(Duration minuteEnd) {
            return minuteEnd.minus(STEP).compareTo(offsetFromStart) >= 0
                    && minuteEnd.compareTo(offsetFromStart.plus(length)) <= 0;
        }
    }

    private final String service;
    private final Instant start;
    private final int minutes;
    private final long requestsPerMinute;
    private final double baselineErrorRatio;
    private final List<Incident> incidents;
    private final List<Duration> counterResets;
    /** Prefix sums over samples 0..i of the per-minute increments, and the reset sample at or before each i. */
    private final long[] errorsUpTo;
    private final long[] requestsUpTo;
    private final int[] lastReset;

    private SyntheticHistory(Builder builder) {
        this.service = builder.service;
        this.start = builder.start;
        this.minutes = builder.days * 1440;
        this.requestsPerMinute = builder.requestsPerMinute;
        this.baselineErrorRatio = builder.baselineErrorRatio;
        Duration length = STEP.multipliedBy(minutes);
        this.incidents = builder.incidents.stream().filter(i -> i.offsetFromStart().compareTo(length) < 0).toList();
        this.counterResets = builder.counterResets.stream().filter(r -> r.compareTo(length) <= 0).sorted().toList();
        this.errorsUpTo = new long[minutes + 1];
        this.requestsUpTo = new long[minutes + 1];
        this.lastReset = new int[minutes + 1];
        int reset = 0;
        for (int i = 0; i <= minutes; i++) {
            if (counterResets.contains(STEP.multipliedBy(i))) {
                reset = i;
            }
            lastReset[i] = reset;
            errorsUpTo[i] = (i == 0 ? 0 : errorsUpTo[i - 1]) + errorsInMinute(i);
            requestsUpTo[i] = (i == 0 ? 0 : requestsUpTo[i - 1]) + requestsPerMinute;
        }
    }

    /** A builder starting from an empty history of 30 days of "shop" at 6000 requests per minute. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The builder of {@link #standard()}: 30 days from 2026-10-01, a fast burn on day 8 (12:00, 30 min, 20%), a
     * partial outage on day 16 (03:00, 4 h, 5%), a slow burn from day 22 (3 days, 0.1%: a 1x burn of a 99.9% SLO,
     * which must not page) and a counter reset on day 12 at 06:00. Day {@code n} starts {@code n} days after the start.
     */
    public static Builder standardBuilder() {
        return builder()
                .incident("fast-burn", Duration.ofDays(8).plusHours(12), Duration.ofMinutes(30), 0.20)
                .incident("partial-outage", Duration.ofDays(16).plusHours(3), Duration.ofHours(4), 0.05)
                .incident("slow-burn", Duration.ofDays(22), Duration.ofDays(3), 0.001)
                .counterReset(Duration.ofDays(12).plusHours(6));
    }

    /** The standard 30-day history of {@link #standardBuilder()}. */
    public static SyntheticHistory standard() {
        return standardBuilder().build();
    }

    /** A builder holding this history's settings, to derive variants. */
    public Builder toBuilder() {
        Builder builder = builder().service(service).start(start).days(minutes / 1440)
                .requestsPerMinute(requestsPerMinute).baselineErrorRatio(baselineErrorRatio);
        incidents.forEach(builder::incident);
        counterResets.forEach(builder::counterReset);
        return builder;
    }

    /** This history for another service, with every incident and reset {@code by} later (past the end: dropped). */
    public SyntheticHistory shifted(String otherService, Duration by) {
        Builder builder = toBuilder().service(otherService).clearEvents();
        incidents.forEach(i -> builder.incident(i.name(), i.offsetFromStart().plus(by), i.length(), i.errorRatio()));
        counterResets.forEach(r -> builder.counterReset(r.plus(by)));
        return builder.build();
    }

    private long errorsInMinute(int sample) {
        Duration minuteEnd = STEP.multipliedBy(sample);
        double ratio = incidents.stream().filter(i -> i.covers(minuteEnd)).mapToDouble(Incident::errorRatio)
                .max().orElse(baselineErrorRatio);
        return Math.round(requestsPerMinute * ratio);
    }

    /** The {@code service} label of both series. */
    public String service() {
        return service;
    }

    /** Time of the first sample. */
    public Instant start() {
        return start;
    }

    /** Time of the last sample. */
    public Instant end() {
        return timeOf(minutes);
    }

    /** Number of samples per series: one per minute, both ends included. */
    public int samples() {
        return minutes + 1;
    }

    /** Time of sample {@code index}. */
    public Instant timeOf(int index) {
        return start.plus(STEP.multipliedBy(index));
    }

    /** The incidents that begin inside the history. */
    public List<Incident> incidents() {
        return incidents;
    }

    /** When the counters restart from zero, from the start. */
    public List<Duration> counterResets() {
        return counterResets;
    }

    /** Failed requests (status 500) in the minutes ending in {@code (from, to]}. */
    public long errorsBetween(Instant from, Instant to) {
        return between(errorsUpTo, from, to);
    }

    /** All requests in the minutes ending in {@code (from, to]}. */
    public long requestsBetween(Instant from, Instant to) {
        return between(requestsUpTo, from, to);
    }

    /** The sum of both counters as Prometheus shows it at {@code at}: the last sample at or before it. */
    public long requestsCounterAt(Instant at) {
        return counter(requestsUpTo, sampleAtOrBefore(at));
    }

    /** The status-500 counter at {@code at}: the last sample at or before it. */
    public long errorsCounterAt(Instant at) {
        return counter(errorsUpTo, sampleAtOrBefore(at));
    }

    long errorsCounter(int sample) {
        return counter(errorsUpTo, sample);
    }

    long requestsCounter(int sample) {
        return counter(requestsUpTo, sample);
    }

    private long counter(long[] upTo, int sample) {
        int reset = lastReset[sample];
        return upTo[sample] - (reset == 0 ? 0 : upTo[reset - 1]);
    }

    private int sampleAtOrBefore(Instant at) {
        if (at.isBefore(start)) {
            throw new IllegalArgumentException(at + " is before the first sample at " + start);
        }
        return (int) Math.min(minutes, Duration.between(start, at).toSeconds() / STEP.toSeconds());
    }

    private long between(long[] upTo, Instant from, Instant to) {
        // Samples with from < t <= to: the first is ceil((from - start) / step) rounded up past an exact hit.
        long fromSeconds = Duration.between(start, from).toSeconds();
        long toSeconds = Duration.between(start, to).toSeconds();
        long step = STEP.toSeconds();
        long first = Math.max(0, Math.floorDiv(fromSeconds, step) + 1);
        long last = Math.min(minutes, Math.floorDiv(toSeconds, step));
        if (last < first) {
            return 0;
        }
        return upTo[(int) last] - (first == 0 ? 0 : upTo[(int) first - 1]);
    }

    /** The whole history as OpenMetrics text, as {@code promtool tsdb create-blocks-from openmetrics} reads it. */
    public String openMetrics() {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            HistoryFiles.writeOpenMetrics(List.of(this), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes {@link #openMetrics()} to {@code file}, streaming. */
    public void writeOpenMetrics(Path file) throws IOException {
        HistoryFiles.writeOpenMetrics(List.of(this), file);
    }

    /** Writes {@code timestamp,good,total} rows: unix seconds and both counters summed (resets included). */
    public void writeCsv(Path file) throws IOException {
        HistoryFiles.writeCsv(List.of(this), file);
    }

    /**
     * Writes a standard history: {@code OUTPUT [--csv] [--days N] [--services N]}. With several services they are
     * {@code shop-0} ... and service {@code k} has its incidents and reset {@code k} hours later.
     */
    public static void main(String[] args) throws IOException {
        HistoryFiles.main(args);
    }

    @Override
    public String toString() {
        return "SyntheticHistory[" + service + ", " + start + " .. " + end() + ", incidents " + incidents
                + ", resets " + counterResets + "]";
    }

    /** Builds a {@link SyntheticHistory}; every setting is checked when given. */
    public static final class Builder {
        private String service = "shop";
        private Instant start = DEFAULT_START;
        private int days = 30;
        private long requestsPerMinute = 6000;
        private double baselineErrorRatio = 0.0005;
        private final List<Incident> incidents = new ArrayList<>();
        private final List<Duration> counterResets = new ArrayList<>();

        private Builder() {
        }

        /** The {@code service} label value. */
        public Builder service(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.:-]+")) {
                throw new IllegalArgumentException("service must be a plain label value: " + name);
            }
            this.service = name;
            return this;
        }

        /** Time of the first sample, on a whole minute. */
        public Builder start(Instant first) {
            if (first.getEpochSecond() % 60 != 0 || first.getNano() != 0) {
                throw new IllegalArgumentException("start must be on a whole minute: " + first);
            }
            this.start = first;
            return this;
        }

        /** Length in days, 1..3650. */
        public Builder days(int count) {
            if (count < 1 || count > 3650) {
                throw new IllegalArgumentException("days must be 1..3650: " + count);
            }
            this.days = count;
            return this;
        }

        /** Traffic, requests per minute, positive. */
        public Builder requestsPerMinute(long count) {
            if (count <= 0) {
                throw new IllegalArgumentException("requests per minute must be positive: " + count);
            }
            this.requestsPerMinute = count;
            return this;
        }

        /** Error ratio outside incidents, 0..1. */
        public Builder baselineErrorRatio(double ratio) {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new IllegalArgumentException("baseline error ratio must be 0..1: " + ratio);
            }
            this.baselineErrorRatio = ratio;
            return this;
        }

        /** Adds an incident; where incidents overlap, the highest ratio counts. */
        public Builder incident(Incident incident) {
            incidents.add(Objects.requireNonNull(incident, "incident"));
            return this;
        }

        /** Adds an incident of {@code length} from {@code offset} after the start at {@code errorRatio}. */
        public Builder incident(String name, Duration offset, Duration length, double errorRatio) {
            return incident(new Incident(offset, length, errorRatio, name));
        }

        /** Both counters restart from zero at the sample {@code offset} after the start (whole minutes, > 0). */
        public Builder counterReset(Duration offset) {
            if (offset.isNegative() || offset.isZero() || offset.toSeconds() % 60 != 0 || offset.getNano() != 0) {
                throw new IllegalArgumentException("a counter reset must be a positive whole minute: " + offset);
            }
            counterResets.add(offset);
            return this;
        }

        Builder clearEvents() {
            incidents.clear();
            counterResets.clear();
            return this;
        }

        /** The history. */
        public SyntheticHistory build() {
            return new SyntheticHistory(this);
        }

    }
}
