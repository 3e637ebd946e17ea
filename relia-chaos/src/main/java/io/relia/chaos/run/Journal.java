package io.relia.chaos.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run did and found, in Chaos Toolkit's journal shape (chaostoolkit-lib {@code run.py}) plus Relia's
 * timeline of measurements and fault windows. {@link JournalWriter} writes it as JSON.
 *
 * @param experiment   the experiment as written
 * @param title        its title
 * @param start        when the run started
 * @param end          when it ended
 * @param status       how it ended
 * @param deviated     the steady state was not met after (or during) the method
 * @param before       the steady state before the method, when checked
 * @param after        the steady state after the method, when checked
 * @param during       steady-state checks and verifications during the method
 * @param run          the method's activities
 * @param rollbacks    the rollbacks
 * @param undone       changes the safety net undid because no rollback had
 * @param abortReason  why the run was aborted, or empty
 * @param samples      traffic measurements over time
 * @param faultWindows when faults were active
 */
public record Journal(Map<String, Object> experiment, String title, Instant start, Instant end, Status status,
                      boolean deviated, Optional<SteadyState> before, Optional<SteadyState> after,
                      List<SteadyState> during, List<ActivityRun> run, List<ActivityRun> rollbacks,
                      List<String> undone, String abortReason, List<Sample> samples, List<Window> faultWindows) {

    /** How a run ended (Chaos Toolkit's statuses). */
    public enum Status {
        COMPLETED, FAILED, ABORTED, INTERRUPTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Journal {
        Objects.requireNonNull(status, "status");
        during = List.copyOf(during);
        run = List.copyOf(run);
        rollbacks = List.copyOf(rollbacks);
        undone = List.copyOf(undone);
        samples = List.copyOf(samples);
        faultWindows = List.copyOf(faultWindows);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * One activity's run: output or exception, and for probes with a tolerance whether it was met.
     *
     * @param detail for people: a measurement with its unit and what it rests on ("31.2 ms (80 requests in the
     *               last 4s, none failed)"), so a probe that is not met says why
     */
    public record ActivityRun(String name, String kind, String provider, boolean succeeded, Object output,
                              Optional<String> exception, Instant start, Instant end,
                              Optional<Boolean> toleranceMet, Optional<String> detail) {
        public ActivityRun {
            Objects.requireNonNull(exception, "exception");
            Objects.requireNonNull(toleranceMet, "toleranceMet");
            Objects.requireNonNull(detail, "detail");
        }

        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /** One check of the steady state: met when every probe succeeded and met its tolerance. */
    public record SteadyState(String phase, boolean met, List<ActivityRun> probes) {
        public SteadyState {
            probes = List.copyOf(probes);
        }
    }

    /**
     * The traffic source's measurement over its window at one moment.
     *
     * @param at         when
     * @param p99Ms      99th percentile latency, ms (NaN without traffic)
     * @param errorRate  errors / requests, ratio 0..1
     * @param throughput completed requests per second
     */
    public record Sample(Instant at, double p99Ms, double errorRate, double throughput) {
    }

    /** A time window, e.g. a fault being active. */
    public record Window(String name, Instant start, Instant end) {
    }
}
