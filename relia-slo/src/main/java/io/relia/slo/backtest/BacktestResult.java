package io.relia.slo.backtest;

import io.relia.slo.Slo;
import io.relia.slo.query.TimeGrid;

import java.time.Duration;
import java.util.List;

/**
 * An SLO's alerts replayed over its history.
 *
 * @param slo         the SLO
 * @param period      its window
 * @param grid        the evaluation times
 * @param incidents   the incident periods judged against (given, or where the 5m burn exceeded the page factor)
 * @param givenIncidents true when the incidents came from the user's list
 * @param alerts      each alert's behaviour, strategies in a fixed order
 * @param burnShort   burn rate over 5m at each time (for the timeline)
 * @param burnLong    burn rate over 1h at each time
 * @param errorRatio  error ratio over 5m at each time
 */
public record BacktestResult(Slo slo, Duration period, TimeGrid grid, List<Interval> incidents,
                             List<String> incidentNames, boolean givenIncidents, List<AlertResult> alerts,
                             double[] burnShort, double[] burnLong, double[] errorRatio) {

    public BacktestResult {
        incidents = List.copyOf(incidents);
        incidentNames = List.copyOf(incidentNames);
        alerts = List.copyOf(alerts);
    }
}
