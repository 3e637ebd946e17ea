package io.relia.slo.query;

import io.relia.core.value.Durations;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import io.relia.slo.offline.RecordedData;

import java.time.Duration;
import java.util.Objects;

/**
 * The PromQL that measures one SLO over a window: its SLI with {@code {{.window}}} replaced, as the generated
 * recording rules do, so live status, backtests and the rules agree. Events SLIs give error and total rates
 * (events per second) and so event counts; raw SLIs give only the error ratio.
 */
public final class SloQueries {

    private final String errors;
    private final String total;
    private final String ratio;

    private SloQueries(String errors, String total, String ratio) {
        this.errors = errors;
        this.total = total;
        this.ratio = ratio;
    }

    /** The queries of the SLO's own SLI. */
    public static SloQueries of(Slo slo) {
        return switch (slo.sli()) {
            case Sli.Events events -> new SloQueries(events.errorQuery(), events.totalQuery(), null);
            case Sli.Raw raw -> new SloQueries(null, null, raw.errorRatioQuery());
        };
    }

    /**
     * The queries over a CSV of counters ({@link RecordedData#CSV_ERRORS_METRIC} and
     * {@link RecordedData#CSV_EVENTS_METRIC}), for the rows of {@code sloId}, or all rows when it is null.
     */
    public static SloQueries csv(String sloId) {
        String selector = sloId == null ? "" : "{slo=\"" + sloId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new SloQueries("sum(rate(" + RecordedData.CSV_ERRORS_METRIC + selector + "[" + Sli.WINDOW + "]))",
                "sum(rate(" + RecordedData.CSV_EVENTS_METRIC + selector + "[" + Sli.WINDOW + "]))", null);
    }

    /** True when the SLI counts events (error and total rates), false for a ratio-only SLI. */
    public boolean countsEvents() {
        return ratio == null;
    }

    /** Bad events per second over {@code window}; only for event SLIs. */
    public String errors(Duration window) {
        return at(Objects.requireNonNull(errors, "a ratio SLI has no error count"), window);
    }

    /** All events per second over {@code window}; only for event SLIs. */
    public String total(Duration window) {
        return at(Objects.requireNonNull(total, "a ratio SLI has no event count"), window);
    }

    /** The error ratio (0..1) over {@code window}. */
    public String errorRatio(Duration window) {
        if (ratio != null) {
            return at(ratio, window);
        }
        return "(" + errors(window) + ")\n/\n(" + total(window) + ")";
    }

    /**
     * The query whose series show whether there is data at all: the total for event SLIs (error series may only
     * appear with the first error), the ratio's own query otherwise.
     */
    public String seriesQuery(Duration window) {
        return at(ratio != null ? ratio : total, window);
    }

    private static String at(String query, Duration window) {
        return query.replace(Sli.WINDOW, Durations.formatPrometheus(window));
    }
}
