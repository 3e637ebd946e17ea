package io.relia.slo.backtest;

import io.relia.slo.AlertTier;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Slo;
import io.relia.slo.rules.AlertWindows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts a backtest compares for one SLO: Relia's multi-window multi-burn-rate pair (SRE Workbook,
 * "Alerting on SLOs", approach 6), the same thresholds on single windows (approach 3), the spec's own
 * {@code burn_rate_alerts}, and the naive "error ratio above the budget for 5 minutes" (approach 1).
 */
final class AlertRules {

    static final Duration NAIVE_WINDOW = Duration.ofMinutes(5);

    private AlertRules() {
    }

    static List<AlertRule> of(Slo slo, Duration period) {
        AlertWindows windows = AlertWindows.GOOGLE;
        List<AlertRule> rules = new ArrayList<>();
        AlertTier page = slo.alerting().page();
        AlertTier ticket = slo.alerting().ticket();
        rules.add(new AlertRule("mwmbr", "page", List.of(pair(windows.pageQuick(), period),
                pair(windows.pageSlow(), period)), page.forDuration().orElse(Duration.ZERO)));
        rules.add(new AlertRule("mwmbr", "ticket", List.of(pair(windows.ticketQuick(), period),
                pair(windows.ticketSlow(), period)), ticket.forDuration().orElse(Duration.ZERO)));
        rules.add(new AlertRule("single-window", "page", List.of(single(windows.pageQuick(), period),
                single(windows.pageSlow(), period)), Duration.ZERO));
        rules.add(new AlertRule("single-window", "ticket", List.of(single(windows.ticketQuick(), period),
                single(windows.ticketSlow(), period)), Duration.ZERO));
        if (!slo.burnRateAlerts().isEmpty()) {
            for (boolean pages : List.of(true, false)) {
                List<AlertRule.Condition> conditions = new ArrayList<>();
                for (BurnRateAlert alert : slo.burnRateAlerts()) {
                    if (alert.page() == pages) {
                        // A single-window alert (an OpenSLO burnrate condition) has no separate short window.
                        conditions.add(new AlertRule.Condition(alert.longWindow(), alert.shortWindow()
                                .equals(alert.longWindow()) ? Optional.empty() : Optional.of(alert.shortWindow()),
                                alert.factor()));
                    }
                }
                if (!conditions.isEmpty()) {
                    // The tier's for:, as the generated rules have it (Pyrra's SLOs wait one per tier).
                    rules.add(new AlertRule("spec", pages ? "page" : "ticket", conditions,
                            (pages ? page : ticket).forDuration().orElse(Duration.ZERO)));
                }
            }
        }
        rules.add(new AlertRule("naive", "page", List.of(new AlertRule.Condition(NAIVE_WINDOW, Optional.empty(), 1)),
                NAIVE_WINDOW));
        return rules;
    }

    private static AlertRule.Condition pair(AlertWindows.Window window, Duration period) {
        return new AlertRule.Condition(window.longWindow(), Optional.of(window.shortWindow()), window.factor(period));
    }

    private static AlertRule.Condition single(AlertWindows.Window window, Duration period) {
        return new AlertRule.Condition(window.longWindow(), Optional.empty(), window.factor(period));
    }

    /** The page factor of the quick window pair: a 5m burn above it marks an incident. */
    static double incidentFactor(Duration period) {
        return AlertWindows.GOOGLE.pageQuick().factor(period);
    }
}
