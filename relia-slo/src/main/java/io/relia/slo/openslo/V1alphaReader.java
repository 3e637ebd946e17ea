package io.relia.slo.openslo;

import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.ScalarNode;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an {@code openslo/v1alpha} SLO, the version Sloth reads: each objective with {@code ratioMetrics} becomes
 * one SLO named {@code <name>-<index>}, as Sloth names them, so that rules keep their series when a team moves from
 * Sloth; {@code timeWindows} of one rolling {@code unit} and {@code count}; Prometheus sources with PromQL queries.
 */
final class V1alphaReader {

    static final String SPEC = "openslo/v1alpha";

    private static final List<String> SPEC_KEYS = List.of("description", "service", "indicator", "timeWindows",
            "budgetingMethod", "objectives");
    private static final List<String> OBJECTIVE_KEYS = List.of("displayName", "op", "value", "target",
            "timeSliceTarget", "ratioMetrics");
    private static final List<String> QUERY_KEYS = List.of("source", "queryType", "query", "metadata");
    private static final Map<String, Duration> UNITS = Map.of("Second", Duration.ofSeconds(1), "Minute",
            Duration.ofMinutes(1), "Hour", Duration.ofHours(1), "Day", Duration.ofDays(1), "Week", Duration.ofDays(7));
    private static final List<String> CALENDAR_UNITS = List.of("Month", "Quarter", "Year");
    /** More seconds than any SLO period needs, and few enough that no window overflows. */
    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(1_000_000);

    private V1alphaReader() {
    }

    /** The SLOs of one v1alpha SLO object, named {@code name}; empty when any objective is invalid (reported). */
    static List<Slo> read(Fields document, String name, OpenSloObjects objects) {
        Optional<Fields> found = OpenSloReader.requireChild(document, "spec", "the SLO's service and objectives");
        if (found.isEmpty()) {
            return List.of();
        }
        Fields spec = found.get().known(SPEC_KEYS);
        long before = spec.problems().errorCount();
        Optional<String> service = spec.requireText("service", "the name of the service the SLO belongs to");
        String description = spec.text("description", "text").orElse("");
        boolean threshold = spec.child("indicator").map(indicator -> indicator.known(List.of("thresholdMetric")))
                .filter(indicator -> indicator.map().has("thresholdMetric")).map(indicator -> {
                    indicator.problems().error(indicator.locationOf("thresholdMetric"), "threshold SLOs "
                            + "(indicator.thresholdMetric) are not supported", "objectives[].ratioMetrics", "");
                    return true;
                }).orElse(false);
        Optional<Duration> period = timeWindows(spec);
        ObjectiveReader.budgetingMethod(spec);
        List<Slo> out = new ArrayList<>();
        Optional<List<Fields>> objectives = spec.children("objectives");
        if (!spec.map().has("objectives") || objectives.filter(List::isEmpty).isPresent()) {
            String path = OpenSloReader.path(spec, "objectives");
            spec.problems().error(spec.valueLocation("objectives"), spec.map().has("objectives") ? "\"" + path
                    + "\" is empty" : "missing key \"" + path + "\"", "objectives with target and ratioMetrics", "");
        }
        List<Fields> list = threshold ? List.of() : objectives.orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            Fields objective = list.get(i).known(OBJECTIVE_KEYS);
            Optional<Double> percent = ObjectiveReader.percent(objective);
            List.of("op", "value", "timeSliceTarget").stream().filter(objective.map()::has).forEach(key ->
                    objective.problems().warning(objective.locationOf(key), "\"" + objective.where() + "." + key
                            + "\" is ignored", "", key.equals("timeSliceTarget")
                            ? "it applies only to time-slice budgeting" : "it applies only to threshold SLOs"));
            Optional<Sli> sli = OpenSloReader.requireChild(objective, "ratioMetrics",
                    "good or bad with total, each with source, queryType and query").flatMap(V1alphaReader::sli);
            if (service.isPresent() && percent.isPresent() && sli.isPresent()) {
                String sloName = name + "-" + i;
                SloAlertsReader.read(spec, sloName, description, objects).ifPresent(alerts -> out.add(new Slo(
                        service.get(), sloName, description, percent.get(), period, sli.get(), Map.of(),
                        alerts.alerting(), alerts.burnRate(), SPEC, objective.map().location())));
            }
        }
        return spec.problems().errorCount() > before ? List.of() : out;
    }

    private static Optional<Sli> sli(Fields ratio) {
        ratio.known(List.of("incremental", "good", "bad", "total"));
        boolean counter = ratio.bool("incremental").orElse(false);
        boolean good = ratio.map().has("good");
        if (good == ratio.map().has("bad")) {
            ratio.problems().error(ratio.map().location(), "\"" + ratio.where() + "\" has "
                    + (good ? "both good and bad" : "neither good nor bad"), "exactly one of good and bad, with total",
                    "");
            return Optional.empty();
        }
        Optional<Fields> numerator = OpenSloReader.requireChild(ratio, good ? "good" : "bad", "source, queryType "
                + "and query").map(fields -> fields.known(QUERY_KEYS));
        Optional<Fields> total = OpenSloReader.requireChild(ratio, "total", "source, queryType and query")
                .map(fields -> fields.known(QUERY_KEYS));
        if (numerator.isEmpty() || total.isEmpty() || !prometheus(numerator.get()) || !prometheus(total.get())) {
            return Optional.empty();
        }
        Optional<String> numeratorQuery = query(numerator.get(), counter);
        Optional<String> totalQuery = query(total.get(), counter);
        if (numeratorQuery.isEmpty() || totalQuery.isEmpty()) {
            return Optional.empty();
        }
        String error = good ? "(" + totalQuery.get() + ") - (" + numeratorQuery.get() + ")" : numeratorQuery.get();
        return Optional.of(new Sli.Events(error, totalQuery.get()));
    }

    /** True for {@code source: prometheus, queryType: promql}; else one located error. */
    private static boolean prometheus(Fields metric) {
        Optional<String> source = metric.requireText("source", "source: prometheus");
        if (source.isEmpty()) {
            return false;
        }
        if (!source.get().equalsIgnoreCase("prometheus")) {
            metric.problems().error(metric.valueLocation("source"), source.get() + " metric sources are not "
                    + "supported", "source: prometheus", "Relia generates Prometheus rules");
            return false;
        }
        Optional<String> type = metric.requireText("queryType", "queryType: promql");
        type.filter(value -> !value.equalsIgnoreCase("promql")).ifPresent(value -> metric.problems().error(
                metric.valueLocation("queryType"), "queryType \"" + value + "\" is not supported for Prometheus",
                "queryType: promql", ""));
        return type.filter(value -> value.equalsIgnoreCase("promql")).isPresent();
    }

    private static Optional<String> query(Fields metric, boolean counter) {
        return metric.requireText("query", "a PromQL query").flatMap(text -> SliReader.windowed(metric, "query",
                text, counter, false));
    }

    /** One rolling window of {@code unit} and {@code count}; empty when absent (the run's default) or invalid. */
    private static Optional<Duration> timeWindows(Fields spec) {
        Optional<List<Fields>> windows = spec.children("timeWindows");
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        int count = spec.map().list("timeWindows").map(ListNode::size).orElse(0);
        if (count != 1 || windows.get().isEmpty()) {
            if (count != 1) {
                spec.problems().error(spec.valueLocation("timeWindows"), "\"" + OpenSloReader.path(spec,
                        "timeWindows") + "\" has " + count + " items", "exactly one window, such as {unit: Day, "
                        + "count: 28, isRolling: true}", "");
            }
            return Optional.empty();
        }
        Fields window = windows.get().getFirst().known(List.of("unit", "count", "isRolling", "calendar"));
        boolean calendar = window.map().has("calendar");
        if (calendar || window.bool("isRolling").equals(Optional.of(false))) {
            window.problems().error(calendar ? window.locationOf("calendar") : window.valueLocation("isRolling"),
                    "calendar-aligned windows are not supported", "isRolling: true with a unit and count",
                    "Relia's burn-rate alerts measure rolling windows");
            return Optional.empty();
        }
        Optional<String> unit = window.requireText("unit", "Second, Minute, Hour, Day or Week");
        Optional<BigDecimal> amount = window.number("count", "a whole number of units, such as 28");
        if (!window.map().has("count") || window.map().get("count").filter(node -> node instanceof ScalarNode s
                && s.isNull()).isPresent()) {
            window.problems().error(window.map().location(), "missing key \"" + window.where() + ".count\"",
                    "a whole number of units, such as 28", "");
        }
        if (unit.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        if (CALENDAR_UNITS.contains(unit.get()) || !UNITS.containsKey(unit.get())) {
            window.problems().error(window.valueLocation("unit"), CALENDAR_UNITS.contains(unit.get())
                    ? unit.get() + " windows are calendar windows" : "unit \"" + unit.get() + "\" is not valid",
                    "Second, Minute, Hour, Day or Week", CALENDAR_UNITS.contains(unit.get())
                            ? "for a rolling window write unit: Day with a count such as 28 or 30" : "");
            return Optional.empty();
        }
        if (amount.get().signum() <= 0 || amount.get().stripTrailingZeros().scale() > 0
                || amount.get().compareTo(MAX_COUNT) > 0) {
            window.problems().error(window.valueLocation("count"), "count " + amount.get().toPlainString()
                    + " is not a whole number from 1 to " + MAX_COUNT, "a whole number of units, such as 28", "");
            return Optional.empty();
        }
        return Optional.of(UNITS.get(unit.get()).multipliedBy(amount.get().longValueExact()));
    }
}
