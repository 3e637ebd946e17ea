package io.relia.slo.openslo;

import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.Suggestions;
import io.relia.core.value.Durations;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what an OpenSLO v1 SLO promises: its rolling {@code timeWindow}, its {@code budgetingMethod} (Occurrences
 * only) and its one objective as a percentage.
 */
final class ObjectiveReader {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** OpenSLO's month, quarter and year shorthands: calendar windows of varying length. */
    private static final Pattern CALENDAR_DURATION = Pattern.compile("\\d+[MQY]");

    private static final List<String> METHODS = List.of("Occurrences", "Timeslices", "RatioTimeslices");
    private static final List<String> OBJECTIVE_KEYS = List.of("displayName", "target", "targetPercent", "op",
            "value", "timeSliceTarget", "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight");
    static final String ROLLING = "a rolling duration such as 28d";
    private static final String TARGET = "exactly one of target (a ratio such as 0.995) and targetPercent "
            + "(a percentage such as 99.5)";

    private ObjectiveReader() {
    }

    /** The rolling window; empty when absent (the run's default period applies) or invalid (reported). */
    static Optional<Duration> timeWindow(Fields spec) {
        Optional<List<Fields>> windows = spec.children("timeWindow");
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        int count = spec.map().list("timeWindow").map(ListNode::size).orElse(0);
        if (count != 1) {
            spec.problems().error(spec.valueLocation("timeWindow"), "\"" + OpenSloReader.path(spec, "timeWindow")
                    + "\" has " + count + " items", "exactly one window, such as {duration: 28d, isRolling: true}", "");
            return Optional.empty();
        }
        if (windows.get().isEmpty()) {
            return Optional.empty();
        }
        Fields window = windows.get().getFirst().known(List.of("duration", "isRolling", "calendar"));
        Optional<Boolean> rolling = window.bool("isRolling");
        boolean calendar = window.map().has("calendar");
        if (calendar || rolling.equals(Optional.of(false))) {
            window.problems().error(calendar ? window.locationOf("calendar") : window.valueLocation("isRolling"),
                    "calendar-aligned windows are not supported", "isRolling: true and " + ROLLING,
                    "Relia's burn-rate alerts measure rolling windows");
            return Optional.empty();
        }
        Optional<String> duration = window.requireText("duration", ROLLING);
        if (duration.isEmpty()) {
            return Optional.empty();
        }
        if (CALENDAR_DURATION.matcher(duration.get().strip()).matches()) {
            window.problems().error(window.valueLocation("duration"),
                    "month/quarter/year windows are calendar windows", ROLLING, "");
            return Optional.empty();
        }
        Optional<Duration> parsed = Durations.parse(duration.get())
                .orReport(window.problems(), window.valueLocation("duration"));
        if (parsed.filter(Duration::isZero).isPresent()) {
            window.problems().error(window.valueLocation("duration"), "the window is zero", ROLLING, "");
            return Optional.empty();
        }
        return parsed;
    }

    /** Reports a budgeting method other than Occurrences (the one Relia's event-counting alerts implement). */
    static void budgetingMethod(Fields spec) {
        spec.requireText("budgetingMethod", "Occurrences").ifPresent(method -> {
            if (method.equals("Timeslices") || method.equals("RatioTimeslices")) {
                spec.problems().error(spec.valueLocation("budgetingMethod"), method + " budgeting is not supported",
                        "budgetingMethod: Occurrences", "Relia's burn-rate alerts count good and bad events");
            } else if (!method.equals("Occurrences")) {
                spec.problems().error(spec.valueLocation("budgetingMethod"), "budgetingMethod \"" + method
                        + "\" is not valid", "Occurrences", Suggestions.closest(method, METHODS)
                        .map(best -> "did you mean \"" + best + "\"?")
                        .orElse("OpenSLO's methods are " + String.join(", ", METHODS)));
            }
        });
    }

    /** The one objective in percent (99.5), converted from {@code target} exactly; empty when invalid (reported). */
    static Optional<Double> objective(Fields spec) {
        Optional<Node> node = spec.map().get("objectives");
        if (node.isEmpty() || node.get() instanceof ScalarNode scalar && scalar.isNull()) {
            spec.problems().error(spec.map().location(), "missing key \"" + OpenSloReader.path(spec, "objectives")
                    + "\"", "one objective with " + TARGET, "");
            return Optional.empty();
        }
        Optional<List<Fields>> objectives = spec.children("objectives");
        if (objectives.isEmpty() || !(node.get() instanceof ListNode list)) {
            return Optional.empty();
        }
        if (list.size() != 1) {
            spec.problems().error(list.size() == 0 ? list.location() : list.get(1).location(),
                    list.size() == 0 ? "\"" + OpenSloReader.path(spec, "objectives") + "\" is empty"
                            : "only one objective per SLO is supported",
                    "one objective with " + TARGET, list.size() == 0 ? "" : "write one SLO per objective");
            return Optional.empty();
        }
        if (objectives.get().isEmpty()) {
            return Optional.empty();
        }
        return target(objectives.get().getFirst().known(OBJECTIVE_KEYS));
    }

    private static Optional<Double> target(Fields objective) {
        unsupported(objective);
        return percent(objective);
    }

    /** An objective's {@code target} or {@code targetPercent} in percent; empty when invalid (reported). */
    static Optional<Double> percent(Fields objective) {
        boolean ratio = objective.map().has("target");
        boolean percent = objective.map().has("targetPercent");
        if (ratio == percent) {
            objective.problems().error(objective.map().location(), "\"" + objective.where() + "\" has "
                    + (ratio ? "both target and targetPercent" : "neither target nor targetPercent"), TARGET, "");
            return Optional.empty();
        }
        String key = ratio ? "target" : "targetPercent";
        BigDecimal limit = ratio ? BigDecimal.ONE : HUNDRED;
        Optional<BigDecimal> value = objective.number(key,
                ratio ? "a ratio such as 0.995" : "a percentage such as 99.5");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // BigDecimal first, so that target 0.995 is exactly the double 99.5, as targetPercent 99.5 is.
        double inPercent = (ratio ? value.get().multiply(HUNDRED) : value.get()).doubleValue();
        if (value.get().signum() > 0 && value.get().compareTo(limit) < 0 && inPercent > 0 && inPercent < 100) {
            return Optional.of(inPercent);
        }
        String written = value.get().toPlainString();
        String hint = value.get().compareTo(limit) == 0 ? "a " + (ratio ? "target of 1" : "100% objective")
                + " leaves no error budget"
                : ratio && value.get().compareTo(BigDecimal.ONE) > 0 && value.get().compareTo(HUNDRED) < 0
                ? "for a percentage write targetPercent: " + written : "";
        objective.problems().error(objective.valueLocation(key), key + " " + written + " is out of range",
                ratio ? "more than 0 and less than 1, such as 0.995" : "more than 0 and less than 100, such as 99.5",
                hint);
        return Optional.empty();
    }

    /** Threshold and composite objectives are errors; time-slice settings are ignored with a warning. */
    private static void unsupported(Fields objective) {
        List.of("op", "value").stream().filter(objective.map()::has).findFirst().ifPresent(key ->
                objective.problems().error(objective.locationOf(key),
                        "threshold objectives (op and value) are not supported", "target or targetPercent", ""));
        List.of("indicator", "indicatorRef", "compositeWeight").stream().filter(objective.map()::has).findFirst()
                .ifPresent(key -> objective.problems().error(objective.locationOf(key),
                        "composite SLOs are not supported", "the indicator in spec.indicator or spec.indicatorRef",
                        "write one SLO per indicator"));
        List.of("timeSliceTarget", "timeSliceWindow").stream().filter(objective.map()::has).forEach(key ->
                objective.problems().warning(objective.locationOf(key), "\"" + objective.where() + "." + key
                        + "\" is ignored", "", "it applies only to time-slice budgeting"));
    }
}
