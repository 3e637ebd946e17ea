package io.relia.slo.grafana;

import io.relia.core.value.Durations;
import io.relia.slo.AlertPlan;
import io.relia.slo.Slo;
import io.relia.slo.rules.AlertWindows;
import io.relia.slo.rules.Rule;
import io.relia.slo.rules.SlothRules;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of one service: per SLO a row with the SLI against the objective, the error budget left (stat and
 * trend), the burn rate over each alert's window pair with that alert's threshold drawn as a line, and the state of
 * its page and ticket alerts.
 */
final class ServiceDashboard {

    private static final int CHART_HEIGHT = 8;
    private static final int ALERT_HEIGHT = 5;
    private static final int BURN_PANELS_PER_LINE = 4;

    private final DashboardJson json;
    private final Panels panels;
    private final Duration defaultPeriod;
    private final AlertWindows windows;
    private final SlothRules.Options ruleOptions;

    ServiceDashboard(DashboardJson json, Duration defaultPeriod, AlertWindows windows) {
        this.json = json;
        this.panels = new Panels(json);
        this.defaultPeriod = defaultPeriod;
        this.windows = windows;
        this.ruleOptions = new SlothRules.Options(defaultPeriod, Map.of(), "", windows);
    }

    GrafanaDashboards.Dashboard build(String service, List<Slo> slos) {
        PanelGrid grid = new PanelGrid();
        for (Slo slo : slos) {
            addSlo(grid, slo);
        }
        String slug = DashboardJson.slug(service);
        String uid = DashboardJson.uid(slug, service);
        String title = "SLOs: " + service;
        Duration longest = slos.stream().map(this::period).max(Comparator.naturalOrder()).orElse(defaultPeriod);
        ObjectNode dashboard = json.dashboard(uid, title, "The " + slos.size() + " SLO" + (slos.size() == 1 ? "" : "s")
                + " of " + service + ": SLI, error budget, burn rate against the alert thresholds, alerts.", longest,
                grid.panels(), List.of());
        return new GrafanaDashboards.Dashboard(DashboardJson.fileName(slug), uid, title,
                DashboardJson.render(dashboard));
    }

    private Duration period(Slo slo) {
        return slo.period().orElse(defaultPeriod);
    }

    private void addSlo(PanelGrid grid, Slo slo) {
        Duration period = period(slo);
        grid.row(panels.row(slo.name() + ": " + percent(slo.objective()) + "% over " + Durations.format(period)));
        ObjectNode budgetNow = panels.stat("Error budget remaining", "Share of the " + Durations.format(period)
                + " error budget not yet spent (slo:period_error_budget_remaining:ratio). Below 50% calls for extra "
                + "scrutiny, below 25% for a feature freeze, at 0% the budget is exhausted.", "percentunit",
                Panels.BUDGET_STEPS, List.of(panels.rangeQuery("A",
                        PromQueries.meta("slo:period_error_budget_remaining:ratio", slo), "remaining")));
        ObjectNode budgetTrend = panels.timeseries("Error budget remaining over time", "The same ratio over the "
                + "dashboard's time range; each point covers the " + Durations.format(period) + " before it.",
                "percentunit", List.of(panels.rangeQuery("A",
                        PromQueries.meta("slo:period_error_budget_remaining:ratio", slo), "remaining")));
        Panels.thresholdLines(budgetTrend, Panels.BUDGET_STEPS);
        grid.line(CHART_HEIGHT, List.of(new PanelGrid.Cell(sli(slo, period), 12), new PanelGrid.Cell(budgetNow, 4),
                new PanelGrid.Cell(budgetTrend, 8)));
        List<AlertPlan.Row> alerts = AlertPlan.of(slo, defaultPeriod, windows);
        grid.lines(CHART_HEIGHT, alerts.isEmpty() ? List.of(burnRateWithoutAlerts(slo, period))
                : alerts.stream().map(alert -> burnRate(slo, alert, period)).toList(), BURN_PANELS_PER_LINE);
        if (!alerts.isEmpty()) {
            grid.line(ALERT_HEIGHT, List.of(new PanelGrid.Cell(alertStates(slo, alerts), PanelGrid.WIDTH)));
        }
    }

    /** The SLI over the shortest recorded window and over the period, against the objective. */
    private ObjectNode sli(Slo slo, Duration period) {
        Duration shortest = shortestWindow(slo);
        String now = Durations.formatPrometheus(shortest);
        ObjectNode panel = panels.timeseries("SLI vs objective", "Share of good events over the last " + now
                + " (1 - " + SlothRules.sliRecord(shortest) + ") and over the SLO period, against the objective "
                + "(slo:objective:ratio).", "percentunit", List.of(
                        panels.rangeQuery("A", PromQueries.sli(slo, shortest), "SLI (" + now + ")"),
                        panels.rangeQuery("B", PromQueries.sli(slo, period),
                                "SLI (" + Durations.formatPrometheus(period) + ")"),
                        panels.rangeQuery("C", PromQueries.meta("slo:objective:ratio", slo), "objective")));
        Panels.defaults(panel).put("decimals", 3);
        ArrayNode objective = Panels.override(panel, "objective");
        Panels.property(objective, "color").putObject("value").put("fixedColor", "red").put("mode", "fixed");
        Panels.property(objective, "custom.lineStyle").putObject("value").put("fill", "dash").putArray("dash")
                .add(10).add(10);
        return panel;
    }

    /**
     * The window the SLI recordings start with, read from the rules themselves: 5m with the default windows, the
     * shortest custom short window otherwise.
     */
    private Duration shortestWindow(Slo slo) {
        Rule first = SlothRules.generate(slo, ruleOptions).getFirst().rules().getFirst();
        String window = first.labels().get("sloth_window");
        return Durations.parse(window).asOptional().orElseThrow(() -> new IllegalStateException(
                "the first SLI recording of " + slo.id() + " has no window: " + first));
    }

    /** One alert's window pair: both burn rates, with the alert's factor as a line; it fires when both pass it. */
    private ObjectNode burnRate(Slo slo, AlertPlan.Row alert, Duration period) {
        String longWindow = Durations.formatPrometheus(alert.longWindow());
        String shortWindow = Durations.formatPrometheus(alert.shortWindow());
        String factor = number(alert.factor());
        boolean page = alert.severity().equals("page");
        ObjectNode panel = panels.timeseries("Burn rate " + longWindow + " / " + shortWindow + ": " + alert.severity()
                        + " at " + factor + "×",
                "Error budget burn rate (error ratio / error budget) over " + longWindow + " and " + shortWindow
                        + ". The " + alert.severity() + " alert fires while both are above " + factor + "×, which "
                        + "spends " + number(alert.budgetShare() * 100) + "% of the " + Durations.format(period)
                        + " budget in " + longWindow + ".", Panels.BURN_RATE_UNIT,
                List.of(panels.rangeQuery("A", PromQueries.burnRate(slo, alert.longWindow()), longWindow),
                        panels.rangeQuery("B", PromQueries.burnRate(slo, alert.shortWindow()), shortWindow)));
        Panels.defaults(panel).put("min", 0);
        Panels.thresholdLines(panel, List.of(new Panels.Step(null, "green"),
                new Panels.Step(alert.factor(), page ? "red" : "orange")));
        return panel;
    }

    /** An SLO without alerts still has a burn rate: over the shortest window and over the period. */
    private ObjectNode burnRateWithoutAlerts(Slo slo, Duration period) {
        ObjectNode panel = panels.timeseries("Burn rate (no alerts)", "Error budget burn rate (error ratio / error "
                + "budget) now and over the period; this SLO has no burn-rate alerts.", Panels.BURN_RATE_UNIT,
                List.of(panels.rangeQuery("A", PromQueries.meta("slo:current_burn_rate:ratio", slo), "current"),
                        panels.rangeQuery("B", PromQueries.meta("slo:period_burn_rate:ratio", slo),
                                Durations.formatPrometheus(period))));
        Panels.defaults(panel).put("min", 0);
        return panel;
    }

    /** One lane per alert tier the SLO has: ok, pending or firing. */
    private ObjectNode alertStates(Slo slo, List<AlertPlan.Row> alerts) {
        List<ObjectNode> targets = new ArrayList<>();
        for (String severity : List.of("page", "ticket")) {
            if (alerts.stream().anyMatch(alert -> alert.severity().equals(severity))) {
                targets.add(panels.rangeQuery(targets.isEmpty() ? "A" : "B", PromQueries.alertState(slo, severity),
                        severity));
            }
        }
        return panels.stateTimeline("Alerts: " + slo.alerting().name(), "State of the " + slo.alerting().name()
                + " alerts of this SLO (ALERTS, by sloth_severity): firing, pending (while a for: clause waits) or ok.",
                targets);
    }

    /** A number for titles: at most four significant digits ({@code 14.4}, {@code 5.6}, {@code 0.9333}). */
    static String number(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** An objective as written ({@code 99.9}, {@code 99.95}). */
    static String percent(double objective) {
        return new BigDecimal(Double.toString(objective)).stripTrailingZeros().toPlainString();
    }
}
