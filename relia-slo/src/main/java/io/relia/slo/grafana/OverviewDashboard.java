package io.relia.slo.grafana;

import io.relia.core.value.Durations;
import io.relia.slo.Slo;
import io.relia.slo.rules.SlothRules;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The overview of every SLO, filtered by a {@code service} variable: a table with one row per SLO (objective, SLI
 * over its period, budget left, current burn rate, firing alerts), then the budgets and burn rates over time and the
 * firing alerts.
 */
final class OverviewDashboard {

    static final String FILE = "overview";
    private static final String BY_SLO = "max by (sloth_id, sloth_service, sloth_slo) ";
    private static final String LEGEND = "{{sloth_service}} / {{sloth_slo}}";
    private static final String SERVICE = "sloth_service=~\"$service\"";

    private final DashboardJson json;
    private final Panels panels;
    private final Duration defaultPeriod;

    OverviewDashboard(DashboardJson json, Duration defaultPeriod) {
        this.json = json;
        this.panels = new Panels(json);
        this.defaultPeriod = defaultPeriod;
    }

    GrafanaDashboards.Dashboard build(List<Slo> slos) {
        String matchers = PromQueries.idMatcher(slos) + ", " + SERVICE;
        PanelGrid grid = new PanelGrid();
        grid.line(Math.min(24, 4 + slos.size()), List.of(new PanelGrid.Cell(table(slos, matchers), PanelGrid.WIDTH)));
        grid.line(8, List.of(
                new PanelGrid.Cell(overTime("Error budget remaining", "Share of each SLO's error budget not yet "
                        + "spent over its period (slo:period_error_budget_remaining:ratio).", "percentunit",
                        "slo:period_error_budget_remaining:ratio{" + matchers + "}"), 12),
                new PanelGrid.Cell(overTime("Current burn rate", "How fast each SLO spends its error budget now "
                        + "(slo:current_burn_rate:ratio); 1× spends it exactly over the period.",
                        Panels.BURN_RATE_UNIT, "slo:current_burn_rate:ratio{" + matchers + "}"), 12)));
        grid.line(8, List.of(new PanelGrid.Cell(panels.stateTimeline("Firing SLO alerts", "Burn-rate alerts of "
                + "these SLOs (ALERTS), by SLO and sloth_severity (page, ticket).", List.of(panels.rangeQuery("A",
                "2 * max by (sloth_service, sloth_slo, sloth_severity) (ALERTS{alertstate=\"firing\", " + matchers
                        + "})", LEGEND + " ({{sloth_severity}})"))), PanelGrid.WIDTH)));
        Duration longest = slos.stream().map(slo -> slo.period().orElse(defaultPeriod))
                .max(Comparator.naturalOrder()).orElse(defaultPeriod);
        String uid = DashboardJson.uid(FILE, FILE);
        String title = "SLO overview";
        String services = slos.stream().map(Slo::service).distinct().collect(Collectors.joining(", "));
        ObjectNode dashboard = json.dashboard(uid, title, "Every SLO of " + services + ": objective, SLI, error "
                + "budget, burn rate and alerts.", longest, grid.panels(), List.of(json.labelValuesVariable("service",
                "Service", "label_values(sloth_slo_info{" + PromQueries.idMatcher(slos) + "}, sloth_service)")));
        return new GrafanaDashboards.Dashboard(DashboardJson.fileName(FILE), uid, title,
                DashboardJson.render(dashboard));
    }

    private ObjectNode overTime(String title, String description, String unit, String expr) {
        ObjectNode panel = panels.timeseries(title, description, unit, List.of(panels.rangeQuery("A", expr, LEGEND)));
        if (unit.equals("percentunit")) {
            Panels.thresholdLines(panel, Panels.BUDGET_STEPS);
        }
        return panel;
    }

    /** One row per SLO: instant queries with the same three labels, merged and renamed. */
    private ObjectNode table(List<Slo> slos, String matchers) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Objective", BY_SLO + "(slo:objective:ratio{" + matchers + "})");
        columns.put("SLI over the period", "1 - " + BY_SLO + "(" + periodSli(slos) + ")");
        columns.put("Error budget remaining", BY_SLO + "(slo:period_error_budget_remaining:ratio{" + matchers + "})");
        columns.put("Current burn rate", BY_SLO + "(slo:current_burn_rate:ratio{" + matchers + "})");
        columns.put("Firing alerts", "count by (sloth_id, sloth_service, sloth_slo) (ALERTS{alertstate=\"firing\", "
                + matchers + "}) or 0 * " + BY_SLO + "(slo:objective:ratio{" + matchers + "})");
        List<ObjectNode> targets = new ArrayList<>();
        ObjectNode rename = DashboardJson.NODES.objectNode().put("sloth_service", "Service").put("sloth_slo", "SLO");
        ObjectNode order = DashboardJson.NODES.objectNode().put("sloth_service", 0).put("sloth_slo", 1);
        columns.forEach((name, expr) -> {
            String refId = String.valueOf((char) ('A' + targets.size()));
            targets.add(panels.tableQuery(refId, expr));
            rename.put("Value #" + refId, name);
            order.put("Value #" + refId, targets.size() + 1);
        });
        ObjectNode table = panels.table("SLOs", "One row per SLO. SLI and budget are over each SLO's own period; "
                + "the burn rate is over its shortest window (1× spends the budget exactly over the period).",
                targets);
        ArrayNode transformations = table.putArray("transformations");
        transformations.addObject().put("id", "merge").putObject("options");
        ObjectNode organize = transformations.addObject().put("id", "organize").putObject("options");
        organize.putObject("excludeByName").put("Time", true).put("sloth_id", true);
        organize.set("indexByName", order);
        organize.set("renameByName", rename);
        column(table, "Objective", "percentunit", 3);
        column(table, "SLI over the period", "percentunit", 3);
        coloured(table, "Error budget remaining", "percentunit", 1, Panels.BUDGET_STEPS);
        coloured(table, "Current burn rate", Panels.BURN_RATE_UNIT, 2, List.of(new Panels.Step(null, "green"),
                new Panels.Step(1.0, "orange")));
        coloured(table, "Firing alerts", "none", 0, List.of(new Panels.Step(null, "green"),
                new Panels.Step(1.0, "red")));
        return table;
    }

    /**
     * The period SLI of every SLO: one selector per distinct period ({@code ratio_rate30d}, {@code ratio_rate4w}),
     * each limited to the SLOs with that period, since a 30d series of one SLO may be an alert window of another.
     */
    private String periodSli(List<Slo> slos) {
        Map<Duration, List<Slo>> byPeriod = new LinkedHashMap<>();
        slos.forEach(slo -> byPeriod.computeIfAbsent(slo.period().orElse(defaultPeriod), p -> new ArrayList<>())
                .add(slo));
        return byPeriod.entrySet().stream().map(entry -> SlothRules.sliRecord(entry.getKey()) + "{"
                + PromQueries.idMatcher(entry.getValue()) + ", " + SERVICE + "}").collect(Collectors.joining(" or "));
    }

    private static ArrayNode column(ObjectNode table, String column, String unit, int decimals) {
        ArrayNode properties = Panels.override(table, column);
        Panels.property(properties, "unit").put("value", unit);
        Panels.property(properties, "decimals").put("value", decimals);
        return properties;
    }

    private static void coloured(ObjectNode table, String column, String unit, int decimals,
                                 List<Panels.Step> steps) {
        ArrayNode properties = column(table, column, unit, decimals);
        Panels.property(properties, "custom.cellOptions").putObject("value").put("type", "color-background");
        Panels.property(properties, "thresholds").set("value", Panels.thresholds(steps));
    }
}
