package io.relia.slo.grafana;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static io.relia.slo.grafana.DashboardJson.NODES;

/**
 * Grafana panels of the kinds the dashboards use (row, timeseries, stat, table, state-timeline) and their Prometheus
 * queries. Every panel starts with an {@code id} and {@code gridPos} that {@link PanelGrid} fills in.
 */
final class Panels {

    /**
     * One threshold step: from {@code value} upwards the colour is {@code color}; the base step has no value.
     *
     * @param value lower bound, or null for the base step
     * @param color a Grafana colour name
     */
    record Step(Double value, String color) {
    }

    /** Budget left, coloured as the budget policy's states: exhausted, critical, warning, healthy. */
    static final List<Step> BUDGET_STEPS = List.of(new Step(null, "dark-red"), new Step(0.0, "red"),
            new Step(0.25, "orange"), new Step(0.5, "green"));

    /** A burn rate unit: {@code 14.4×}. */
    static final String BURN_RATE_UNIT = "suffix:×";

    private final ObjectNode datasource;

    Panels(DashboardJson json) {
        this.datasource = json.datasource();
    }

    /** A row header spanning the grid. */
    ObjectNode row(String title) {
        ObjectNode row = start("row", title);
        row.put("collapsed", false);
        row.putArray("panels");
        return row;
    }

    /** A time series panel: lines, no points, a shared legend below. */
    ObjectNode timeseries(String title, String description, String unit, List<ObjectNode> targets) {
        ObjectNode panel = withQueries(start("timeseries", title), description, targets);
        ObjectNode defaults = defaults(panel, unit);
        defaults.putObject("color").put("mode", "palette-classic");
        ObjectNode custom = defaults.putObject("custom");
        custom.put("drawStyle", "line").put("fillOpacity", 0).put("lineWidth", 1).put("showPoints", "never")
                .put("spanNulls", false);
        custom.putObject("thresholdsStyle").put("mode", "off");
        thresholds(panel, List.of(new Step(null, "green")));
        ObjectNode options = panel.putObject("options");
        ObjectNode legend = options.putObject("legend");
        legend.putArray("calcs");
        legend.put("displayMode", "list").put("placement", "bottom").put("showLegend", true);
        options.putObject("tooltip").put("mode", "multi").put("sort", "none");
        return panel;
    }

    /** A stat panel of the last value, its background coloured by {@code steps}, with the trend behind it. */
    ObjectNode stat(String title, String description, String unit, List<Step> steps, List<ObjectNode> targets) {
        ObjectNode panel = withQueries(start("stat", title), description, targets);
        defaults(panel, unit).putObject("color").put("mode", "thresholds");
        thresholds(panel, steps);
        ObjectNode options = panel.putObject("options");
        options.put("colorMode", "background").put("graphMode", "area").put("justifyMode", "auto")
                .put("orientation", "auto");
        options.putObject("reduceOptions").put("fields", "").put("values", false).putArray("calcs").add("lastNotNull");
        options.put("textMode", "auto");
        return panel;
    }

    /** A table of instant queries merged into one row per label set. */
    ObjectNode table(String title, String description, List<ObjectNode> targets) {
        ObjectNode panel = withQueries(start("table", title), description, targets);
        defaults(panel, "none").putObject("custom").put("align", "auto").putObject("cellOptions").put("type", "auto");
        thresholds(panel, List.of(new Step(null, "green")));
        ObjectNode options = panel.putObject("options");
        options.put("cellHeight", "sm").put("showHeader", true);
        return panel;
    }

    /**
     * A state timeline of alert states: 0 ok, 1 pending, 2 firing (see {@link PromQueries#alertState}); each
     * query is one lane.
     */
    ObjectNode stateTimeline(String title, String description, List<ObjectNode> targets) {
        ObjectNode panel = withQueries(start("state-timeline", title), description, targets);
        ObjectNode defaults = defaults(panel, "none");
        defaults.putObject("color").put("mode", "thresholds");
        defaults.putObject("custom").put("fillOpacity", 80).put("lineWidth", 0);
        ObjectNode states = defaults.putArray("mappings").addObject().put("type", "value").putObject("options");
        states.putObject("0").put("color", "green").put("index", 0).put("text", "ok");
        states.putObject("1").put("color", "yellow").put("index", 1).put("text", "pending");
        states.putObject("2").put("color", "red").put("index", 2).put("text", "firing");
        thresholds(panel, List.of(new Step(null, "green"), new Step(1.0, "red")));
        ObjectNode options = panel.putObject("options");
        options.put("alignValue", "left").put("mergeValues", true).put("rowHeight", 0.9).put("showValue", "never");
        options.putObject("legend").put("displayMode", "list").put("placement", "bottom").put("showLegend", true);
        options.putObject("tooltip").put("mode", "single").put("sort", "none");
        return panel;
    }

    /** A range query drawn over time. */
    ObjectNode rangeQuery(String refId, String expr, String legend) {
        ObjectNode target = query(refId, expr);
        target.put("instant", false).put("legendFormat", legend).put("range", true);
        return target;
    }

    /** An instant query shown as a table (value column {@code Value #<refId>}). */
    ObjectNode tableQuery(String refId, String expr) {
        ObjectNode target = query(refId, expr);
        target.put("format", "table").put("instant", true).put("legendFormat", "__auto").put("range", false);
        return target;
    }

    /** Replaces the panel's threshold steps. */
    static void thresholds(ObjectNode panel, List<Step> steps) {
        defaults(panel).set("thresholds", thresholds(steps));
    }

    /** Absolute threshold steps: {@code {"mode": "absolute", "steps": [...]}}. */
    static ObjectNode thresholds(List<Step> steps) {
        ObjectNode thresholds = NODES.objectNode().put("mode", "absolute");
        ArrayNode array = thresholds.putArray("steps");
        for (Step step : steps) {
            ObjectNode node = array.addObject().put("color", step.color());
            if (step.value() == null) {
                node.putNull("value");
            } else {
                node.put("value", step.value().doubleValue());
            }
        }
        return thresholds;
    }

    /** Draws the threshold steps of a time series as dashed horizontal lines. */
    static void thresholdLines(ObjectNode panel, List<Step> steps) {
        thresholds(panel, steps);
        ((ObjectNode) defaults(panel).get("custom")).putObject("thresholdsStyle").put("mode", "dashed");
    }

    /** Adds a field override for the field (or column) displayed as {@code name}; returns its property list. */
    static ArrayNode override(ObjectNode panel, String name) {
        ObjectNode override = ((ArrayNode) panel.get("fieldConfig").get("overrides")).addObject();
        override.putObject("matcher").put("id", "byName").put("options", name);
        return override.putArray("properties");
    }

    /** One override property: {@code {"id": id, "value": value}}. */
    static ObjectNode property(ArrayNode properties, String id) {
        return properties.addObject().put("id", id);
    }

    /** The panel's {@code fieldConfig.defaults}. */
    static ObjectNode defaults(ObjectNode panel) {
        return (ObjectNode) panel.get("fieldConfig").get("defaults");
    }

    private ObjectNode start(String type, String title) {
        ObjectNode panel = NODES.objectNode();
        panel.put("id", 0);
        panel.put("type", type);
        panel.put("title", title);
        panel.putObject("gridPos").put("h", 0).put("w", 0).put("x", 0).put("y", 0);
        return panel;
    }

    private ObjectNode withQueries(ObjectNode panel, String description, List<ObjectNode> targets) {
        panel.put("description", description);
        panel.set("datasource", datasource.deepCopy());
        ObjectNode fieldConfig = panel.putObject("fieldConfig");
        fieldConfig.putObject("defaults");
        fieldConfig.putArray("overrides");
        ArrayNode array = panel.putArray("targets");
        targets.forEach(array::add);
        return panel;
    }

    private static ObjectNode defaults(ObjectNode panel, String unit) {
        ObjectNode defaults = defaults(panel);
        defaults.put("unit", unit);
        return defaults;
    }

    private ObjectNode query(String refId, String expr) {
        ObjectNode target = NODES.objectNode();
        target.set("datasource", datasource.deepCopy());
        target.put("editorMode", "code").put("expr", expr);
        target.put("refId", refId);
        return target;
    }
}
