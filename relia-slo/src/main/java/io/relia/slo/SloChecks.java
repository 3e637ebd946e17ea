package io.relia.slo;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.value.Durations;
import io.relia.slo.promql.QuerySyntax;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every reader's SLOs the same way before rules are made from them: names Prometheus and Sloth accept,
 * a period that holds the alert windows, and one definition per service and SLO name.
 */
final class SloChecks {

    /** Sloth's rule for service and SLO names: they become label values and rule group names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_.]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private SloChecks() {
    }

    /** Removes the SLOs with problems from {@code slos}, reporting each problem. */
    static void check(List<Slo> slos, Problems problems) {
        // Parsing every SLI query is the costly part: done in parallel for large files, reported in order.
        List<List<String>> queryErrors = (slos.size() > SloDuplicates.PARALLEL_FROM ? slos.parallelStream()
                : slos.stream()).map(slo -> queryErrors(slo.sli())).toList();
        Map<Slo, List<String>> errorsOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < slos.size(); i++) {
            errorsOf.put(slos.get(i), queryErrors.get(i));
        }
        slos.removeIf(slo -> !valid(slo, errorsOf.get(slo), problems));
        Map<String, Location> seen = new HashMap<>();
        slos.removeIf(slo -> {
            Location first = seen.putIfAbsent(slo.id(), slo.location());
            if (first != null) {
                problems.error(slo.location(), "SLO \"" + slo.id() + "\" is defined twice (first at " + first + ")",
                        "one definition per service and SLO name", "");
                return true;
            }
            return false;
        });
    }

    private static boolean valid(Slo slo, List<String> queryErrors, Problems problems) {
        long before = problems.errorCount();
        Location where = slo.location();
        name(slo.service(), "service name", where, problems);
        name(slo.name(), "SLO name", where, problems);
        labels(slo.labels(), "label", where, problems);
        labels(slo.alerting().labels(), "alert label", where, problems);
        labels(slo.alerting().annotations(), "alert annotation", where, problems);
        labels(slo.alerting().page().labels(), "page alert label", where, problems);
        labels(slo.alerting().ticket().labels(), "ticket alert label", where, problems);
        boolean alerts = !slo.alerting().page().disabled() || !slo.alerting().ticket().disabled();
        // Prometheus takes any non-empty alert name (it becomes the alertname label's value), and so does Sloth.
        if (alerts && slo.alerting().name().isBlank()) {
            problems.error(where, "the SLO's alerts have no name", "an alert name",
                    "name the alert, or disable its page and ticket alerts");
        }
        queryErrors.forEach(error -> problems.error(where, error, "SLI queries Prometheus and Sloth accept, with "
                + "{{.window}} as their range", ""));
        slo.period().ifPresent(period -> period(period, longestWindow(slo), where, problems));
        return problems.errorCount() == before;
    }

    /**
     * Why the SLI's queries cannot be Sloth's: one that does not parse as PromQL once its window is rendered, or the
     * same query as error and total count (Sloth checks both before generating).
     */
    private static List<String> queryErrors(Sli sli) {
        List<String> errors = new java.util.ArrayList<>();
        switch (sli) {
            case Sli.Events events -> {
                if (events.errorQuery().strip().equals(events.totalQuery().strip())) {
                    errors.add("the SLI's error and total queries are the same");
                }
                query(events.errorQuery(), "error query", errors);
                query(events.totalQuery(), "total query", errors);
            }
            case Sli.Raw raw -> query(raw.errorRatioQuery(), "error ratio query", errors);
        }
        return errors;
    }

    private static void query(String query, String what, List<String> errors) {
        QuerySyntax.error(query).ifPresent(error -> errors.add("the SLI's " + what + " is not valid PromQL: "
                + error));
    }

    /** A period must hold the longest alert window and be at most a year (a leap one). */
    static void period(Duration period, Duration longestWindow, Location where, Problems problems) {
        if (period.compareTo(longestWindow) < 0 || period.compareTo(LONGEST_PERIOD) > 0) {
            problems.error(where, "the SLO period " + Durations.format(period) + " is out of range",
                    "a period from " + Durations.format(longestWindow) + " (the longest alert window) to "
                            + Durations.format(LONGEST_PERIOD), "28d or 30d are usual");
        }
    }

    /** The longest long window among the SLO's alerts (3d for the default windows). */
    static Duration longestWindow(Slo slo) {
        if (slo.burnRateAlerts().isEmpty()) {
            return Duration.ofDays(3);
        }
        return slo.burnRateAlerts().stream().map(BurnRateAlert::longWindow).max(Duration::compareTo).orElseThrow();
    }

    private static void name(String name, String what, Location where, Problems problems) {
        if (!NAME.matcher(name).matches()) {
            problems.error(where, what + " \"" + name + "\" is not valid",
                    "letters, digits, '-', '_' and '.', starting with a letter or digit", "");
        }
    }

    private static void labels(Map<String, String> labels, String what, Location where, Problems problems) {
        for (String key : labels.keySet()) {
            if (!LABEL.matcher(key).matches()) {
                problems.error(where, what + " name \"" + key + "\" is not valid in Prometheus",
                        "letters, digits and '_', not starting with a digit", "");
            }
        }
    }
}
