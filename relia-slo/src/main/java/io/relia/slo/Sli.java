package io.relia.slo;

import java.util.Objects;

/**
 * How an SLO's error ratio is measured, as PromQL with a {@code {{.window}}} placeholder for the rate window
 * (Sloth's convention, which every reader translates to).
 */
public sealed interface Sli permits Sli.Events, Sli.Raw {

    /** The placeholder replaced by each rule's window ({@code 5m}, {@code 1h}, ...). */
    String WINDOW = "{{.window}}";

    /**
     * Bad events over all events: error ratio = errorQuery / totalQuery.
     *
     * @param errorQuery PromQL counting bad events per second over {@code {{.window}}}
     * @param totalQuery PromQL counting all events per second over {@code {{.window}}}
     */
    record Events(String errorQuery, String totalQuery) implements Sli {
        public Events {
            Objects.requireNonNull(errorQuery, "errorQuery");
            Objects.requireNonNull(totalQuery, "totalQuery");
        }
    }

    /**
     * A query that yields the error ratio (0..1) over {@code {{.window}}} directly.
     *
     * @param errorRatioQuery PromQL of the error ratio
     */
    record Raw(String errorRatioQuery) implements Sli {
        public Raw {
            Objects.requireNonNull(errorRatioQuery, "errorRatioQuery");
        }
    }
}
