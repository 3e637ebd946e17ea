package io.relia.load.run;

import io.relia.load.threshold.WindowStats;
import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * Everything measured over a span of a run, in constant memory: latency histograms (microseconds) from the intended
 * send time (corrected) and from the actual send time (uncorrected), send lag, status codes, error kinds and counts.
 * Spans add up, so a run's total is the sum of its one-second intervals and runs on several machines merge. Not
 * thread-safe: each event loop writes its own, and the collector adds them up.
 */
public final class LoadStats implements WindowStats {
    static final int STATUS_CODES = 600;

    private final Histogram corrected = newHistogram();
    private final Histogram uncorrected = newHistogram();
    private final Histogram sendLag = newHistogram();
    private final long[] statuses = new long[STATUS_CODES];
    private final long[] errorKinds = new long[ErrorKind.values().length];
    private final long[] templateRequests;
    private final long[] templateErrors;
    private final Histogram[] templateLatency;
    private long sent;
    private long unsent;
    private long late;
    private long intended;
    private long startNanos;
    private long endNanos;

    /** Empty statistics for a scenario with {@code templates} kinds of request. */
    public LoadStats(int templates) {
        templateRequests = new long[templates];
        templateErrors = new long[templates];
        templateLatency = new Histogram[templates];
        for (int i = 0; i < templates; i++) {
            templateLatency[i] = newHistogram();
        }
    }

    static Histogram newHistogram() {
        return new Histogram(3);
    }

    void recordResponse(int template, int status, long latencyMicros, long uncorrectedMicros) {
        corrected.recordValue(Math.max(1, latencyMicros));
        uncorrected.recordValue(Math.max(1, uncorrectedMicros));
        templateLatency[template].recordValue(Math.max(1, latencyMicros));
        statuses[Math.min(Math.max(status, 0), STATUS_CODES - 1)]++;
        templateRequests[template]++;
        if (status >= 400) {
            templateErrors[template]++;
        }
    }

    void recordError(int template, ErrorKind kind) {
        errorKinds[kind.ordinal()]++;
        templateRequests[template]++;
        templateErrors[template]++;
    }

    /** A request that failed before it could be sent: no connection, or the run ended first. */
    void recordUnsent(int template, ErrorKind kind) {
        recordError(template, kind);
        unsent++;
    }

    void recordSend(long lagMicros, boolean wasLate) {
        sent++;
        sendLag.recordValue(Math.max(0, lagMicros));
        if (wasLate) {
            late++;
        }
    }

    void recordIntended(long count) {
        intended += count;
    }

    void span(long fromNanos, long toNanos) {
        startNanos = fromNanos;
        endNanos = toNanos;
    }

    /** Adds another span's statistics; the span widens to cover both. */
    public void add(LoadStats other) {
        corrected.add(other.corrected);
        uncorrected.add(other.uncorrected);
        sendLag.add(other.sendLag);
        for (int i = 0; i < STATUS_CODES; i++) {
            statuses[i] += other.statuses[i];
        }
        for (int i = 0; i < errorKinds.length; i++) {
            errorKinds[i] += other.errorKinds[i];
        }
        for (int i = 0; i < templateRequests.length; i++) {
            templateRequests[i] += other.templateRequests[i];
            templateErrors[i] += other.templateErrors[i];
            templateLatency[i].add(other.templateLatency[i]);
        }
        sent += other.sent;
        unsent += other.unsent;
        late += other.late;
        intended += other.intended;
        if (endNanos == 0 && startNanos == 0) {
            startNanos = other.startNanos;
            endNanos = other.endNanos;
        } else if (other.endNanos != 0 || other.startNanos != 0) {
            startNanos = Math.min(startNanos, other.startNanos);
            endNanos = Math.max(endNanos, other.endNanos);
        }
    }

    /** A copy of these statistics. */
    public LoadStats copy() {
        LoadStats copy = new LoadStats(templateRequests.length);
        copy.add(this);
        return copy;
    }

    /** Latency from each request's intended send time, µs (coordinated-omission corrected). */
    public Histogram correctedLatency() {
        return corrected;
    }

    /** Latency from each request's actual send time, µs: what a closed-loop tool without correction reports. */
    public Histogram uncorrectedLatency() {
        return uncorrected;
    }

    /** How late requests left compared with their intended time, µs. */
    public Histogram sendLag() {
        return sendLag;
    }

    /** Latency of one kind of request (corrected), µs. */
    public Histogram templateLatency(int template) {
        return templateLatency[template];
    }

    public long templateRequests(int template) {
        return templateRequests[template];
    }

    public long templateErrors(int template) {
        return templateErrors[template];
    }

    public int templates() {
        return templateRequests.length;
    }

    /** Responses with this HTTP status. */
    public long status(int code) {
        return code >= 0 && code < STATUS_CODES ? statuses[code] : 0;
    }

    /** Requests that failed with this kind of error. */
    public long errors(ErrorKind kind) {
        return errorKinds[kind.ordinal()];
    }

    /** Requests written to a connection. */
    public long sent() {
        return sent;
    }

    /**
     * Requests that failed before they could be sent ({@code not_sent}, or {@code connect} while no connection was
     * open); they count as finished, with an error.
     */
    public long unsent() {
        return unsent;
    }

    /**
     * Requests sent whose outcome was never recorded because the run was stopped (Ctrl-C, an aborting threshold)
     * while they were in flight; 0 for a run that ended by itself, where every request is sent or unsent and
     * finishes once: {@code sent() + unsent() == requests()}.
     */
    public long inFlightAtStop() {
        return Math.max(0, sent + unsent - requests());
    }

    /** Requests that left more than the lateness tolerance after their intended time. */
    public long lateSends() {
        return late;
    }

    /** Arrivals the profile scheduled in this span (open model); 0 for a closed model. */
    public long intended() {
        return intended;
    }

    /** HTTP responses of any status. */
    public long responses() {
        return corrected.getTotalCount();
    }

    /** Failures without a response. */
    public long transportErrors() {
        return Arrays.stream(errorKinds).sum();
    }

    /** Responses with a status of 400 or more. */
    public long httpErrors() {
        long n = 0;
        for (int code = 400; code < STATUS_CODES; code++) {
            n += statuses[code];
        }
        return n;
    }

    @Override
    public long requests() {
        return responses() + transportErrors();
    }

    @Override
    public long errors() {
        return httpErrors() + transportErrors();
    }

    @Override
    public double latencyPercentileMillis(double percentile) {
        return corrected.getTotalCount() == 0 ? Double.NaN : corrected.getValueAtPercentile(percentile) / 1000.0;
    }

    @Override
    public double meanLatencyMillis() {
        return corrected.getTotalCount() == 0 ? Double.NaN : corrected.getMean() / 1000.0;
    }

    @Override
    public double maxLatencyMillis() {
        return corrected.getTotalCount() == 0 ? Double.NaN : corrected.getMaxValue() / 1000.0;
    }

    /** An uncorrected latency percentile in ms; NaN when nothing finished. */
    public double uncorrectedPercentileMillis(double percentile) {
        return uncorrected.getTotalCount() == 0 ? Double.NaN : uncorrected.getValueAtPercentile(percentile) / 1000.0;
    }

    @Override
    public double achievedRate() {
        double s = seconds();
        return s <= 0 ? 0 : requests() / s;
    }

    /** Requests sent per second. */
    public double sendRate() {
        double s = seconds();
        return s <= 0 ? 0 : sent / s;
    }

    /** Arrivals scheduled per second (open model). */
    public double intendedRate() {
        double s = seconds();
        return s <= 0 ? 0 : intended / s;
    }

    @Override
    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** Start of the span, nanoseconds after the run's start. */
    public long startNanos() {
        return startNanos;
    }

    /** End of the span, nanoseconds after the run's start. */
    public long endNanos() {
        return endNanos;
    }

    void reset() {
        corrected.reset();
        uncorrected.reset();
        sendLag.reset();
        Arrays.fill(statuses, 0);
        Arrays.fill(errorKinds, 0);
        Arrays.fill(templateRequests, 0);
        Arrays.fill(templateErrors, 0);
        for (Histogram h : templateLatency) {
            h.reset();
        }
        sent = 0;
        unsent = 0;
        late = 0;
        intended = 0;
    }
}
