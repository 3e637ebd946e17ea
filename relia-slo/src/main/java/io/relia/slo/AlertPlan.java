package io.relia.slo;

import io.relia.slo.rules.AlertWindows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What each burn-rate alert of an SLO means in plain numbers (SRE Workbook, "Alerting on SLOs"): the windows, the
 * burn factor, the share of the budget spent when it fires, how long the budget lasts at that rate, and how soon
 * it fires in a full outage.
 */
public final class AlertPlan {

    /**
     * One window pair of one alert.
     *
     * @param severity          page or ticket
     * @param longWindow        the long window
     * @param shortWindow       the short window
     * @param factor            burn-rate factor
     * @param budgetShare       share of the period's budget spent over the long window at that rate, 0..1
     * @param timeToExhaustion  how long the whole budget lasts at that burn rate
     * @param outageDetection   time from the start of a 100% outage until both windows exceed the threshold,
     *                          assuming steady traffic; empty when the threshold is above 100% errors (never fires)
     */
    public record Row(String severity, Duration longWindow, Duration shortWindow, double factor, double budgetShare,
                      Duration timeToExhaustion, java.util.Optional<Duration> outageDetection) {
    }

    private AlertPlan() {
    }

    public static List<Row> of(Slo slo, Duration defaultPeriod, AlertWindows windows) {
        Duration period = slo.period().orElse(defaultPeriod);
        double budget = slo.errorBudgetRatio();
        List<Row> rows = new ArrayList<>();
        if (slo.burnRateAlerts().isEmpty()) {
            if (!slo.alerting().page().disabled()) {
                rows.add(row("page", windows.pageQuick().longWindow(), windows.pageQuick().shortWindow(),
                        windows.pageQuick().factor(period), period, budget));
                rows.add(row("page", windows.pageSlow().longWindow(), windows.pageSlow().shortWindow(),
                        windows.pageSlow().factor(period), period, budget));
            }
            if (!slo.alerting().ticket().disabled()) {
                rows.add(row("ticket", windows.ticketQuick().longWindow(), windows.ticketQuick().shortWindow(),
                        windows.ticketQuick().factor(period), period, budget));
                rows.add(row("ticket", windows.ticketSlow().longWindow(), windows.ticketSlow().shortWindow(),
                        windows.ticketSlow().factor(period), period, budget));
            }
            return rows;
        }
        for (BurnRateAlert alert : slo.burnRateAlerts()) {
            if ((alert.page() ? slo.alerting().page() : slo.alerting().ticket()).disabled()) {
                continue;
            }
            rows.add(row(alert.page() ? "page" : "ticket", alert.longWindow(), alert.shortWindow(), alert.factor(),
                    period, budget));
        }
        return rows;
    }

    private static Row row(String severity, Duration longWindow, Duration shortWindow, double factor,
                           Duration period, double budget) {
        double share = factor * longWindow.toMillis() / (double) period.toMillis();
        Duration exhaustion = Duration.ofMillis(Math.round(period.toMillis() / factor));
        double threshold = factor * budget;
        java.util.Optional<Duration> detection = threshold >= 1 ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofMillis(Math.round(longWindow.toMillis() * threshold)));
        return new Row(severity, longWindow, shortWindow, factor, share, exhaustion, detection);
    }
}
