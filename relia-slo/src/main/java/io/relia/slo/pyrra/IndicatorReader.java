package io.relia.slo.pyrra;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.value.Durations;
import io.relia.slo.Sli;
import io.relia.slo.promql.Selectors;
import io.relia.slo.query.QueryException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code spec.indicator}: exactly one of ratio (errors / total counters), latency (a histogram's {@code le} bucket
 * over its count), latencyNative (a native histogram and a latency) and bool_gauge (a 0/1 gauge), each with
 * optional grouping, checked as Pyrra's admission webhook checks them.
 */
final class IndicatorReader {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private IndicatorReader() {
    }

    static Optional<Sli> read(Fields indicator) {
        List<String> kinds = new ArrayList<>();
        for (PyrraQueries.Kind kind : PyrraQueries.Kind.values()) {
            kinds.add(kind.key());
        }
        indicator.known(kinds);
        List<PyrraQueries.Kind> present = new ArrayList<>();
        for (PyrraQueries.Kind kind : PyrraQueries.Kind.values()) {
            if (indicator.map().has(kind.key())) {
                present.add(kind);
            }
        }
        if (present.size() != 1) {
            indicator.problems().error(indicator.map().location(), present.isEmpty() ? "spec.indicator has no "
                    + "indicator" : "spec.indicator has " + present.size() + " indicators ("
                    + String.join(", ", present.stream().map(PyrraQueries.Kind::key).toList()) + ")",
                    "exactly one of ratio, latency, latencyNative or bool_gauge", "");
            return Optional.empty();
        }
        PyrraQueries.Kind kind = present.getFirst();
        return indicator.child(kind.key()).flatMap(fields -> switch (kind) {
            case RATIO -> ratio(fields);
            case LATENCY -> latency(fields);
            case LATENCY_NATIVE -> latencyNative(fields);
            case BOOL_GAUGE -> boolGauge(fields);
        }).map(PyrraQueries::sli);
    }

    private static Optional<PyrraQueries.Indicator> ratio(Fields ratio) {
        ratio.known(List.of("errors", "total", "grouping"));
        Optional<Selectors.Vector> errors = metric(ratio, "errors");
        Optional<Selectors.Vector> total = metric(ratio, "total");
        Optional<List<String>> grouping = grouping(ratio);
        if (errors.isEmpty() || total.isEmpty() || grouping.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PyrraQueries.Indicator(PyrraQueries.Kind.RATIO, text(ratio, "errors"),
                text(ratio, "total"), Duration.ZERO, grouping.get()));
    }

    private static Optional<PyrraQueries.Indicator> latency(Fields latency) {
        latency.known(List.of("success", "total", "grouping"));
        Optional<Selectors.Vector> success = metric(latency, "success");
        Optional<Selectors.Vector> total = metric(latency, "total");
        Optional<List<String>> grouping = grouping(latency);
        Problems problems = latency.problems();
        success.ifPresent(vector -> {
            Optional<String> le = vector.equalTo("le");
            if (le.isEmpty()) {
                problems.error(metricLocation(latency, "success"), "the latency success metric has no le=\"...\" "
                        + "matcher", "a histogram bucket such as http_request_duration_seconds_bucket{le=\"0.5\"}",
                        "Pyrra counts the requests in that bucket as fast enough");
            } else if (!isNumber(le.get())) {
                problems.error(metricLocation(latency, "success"), "le=\"" + le.get() + "\" is not a number",
                        "a bucket boundary in seconds, such as le=\"0.5\"", "");
            } else if (!le.get().equals("+Inf") && new BigDecimal(le.get().strip()).stripTrailingZeros().scale() <= 0) {
                String whole = new BigDecimal(le.get().strip()).stripTrailingZeros().toPlainString();
                problems.note(metricLocation(latency, "success"), "le=\"" + le.get() + "\" must match the "
                        + "bucket label as exported", "Prometheus 3 exports whole boundaries as le=\"" + whole
                        + "\", Prometheus 2 as le=\"" + whole + ".0\"");
            }
            if (!vector.metric().endsWith("_bucket")) {
                problems.warning(metricLocation(latency, "success"), "the latency success metric "
                        + vector.metric() + " is not a histogram bucket", "a metric named *_bucket", "");
            }
        });
        total.filter(vector -> !vector.metric().endsWith("_count")).ifPresent(vector -> problems.warning(
                metricLocation(latency, "total"), "the latency total metric " + vector.metric() + " is not a "
                        + "histogram count", "a metric named *_count", ""));
        if (success.isEmpty() || total.isEmpty() || grouping.isEmpty() || success.get().equalTo("le")
                .filter(IndicatorReader::isNumber).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PyrraQueries.Indicator(PyrraQueries.Kind.LATENCY, text(latency, "success"),
                text(latency, "total"), Duration.ZERO, grouping.get()));
    }

    private static Optional<PyrraQueries.Indicator> latencyNative(Fields latencyNative) {
        latencyNative.known(List.of("latency", "total", "grouping"));
        Optional<Selectors.Vector> total = metric(latencyNative, "total");
        Optional<List<String>> grouping = grouping(latencyNative);
        Optional<Duration> latency = latencyNative.requireText("latency", "a duration such as 100ms or 1s")
                .flatMap(text -> {
                    if (!ObjectiveReader.PROMETHEUS_DURATION.matcher(text.strip()).matches()) {
                        latencyNative.problems().error(latencyNative.valueLocation("latency"), "latency \"" + text
                                + "\" is not a Prometheus duration", "a duration such as 100ms or 1s", "");
                        return Optional.empty();
                    }
                    return Durations.parse(text.strip()).orReport(latencyNative.problems(),
                            latencyNative.valueLocation("latency"));
                }).filter(duration -> {
                    if (duration.isZero()) {
                        latencyNative.problems().error(latencyNative.valueLocation("latency"), "latency is 0",
                                "a latency above 0", "");
                    }
                    return !duration.isZero();
                });
        if (total.isEmpty() || grouping.isEmpty() || latency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PyrraQueries.Indicator(PyrraQueries.Kind.LATENCY_NATIVE, "",
                text(latencyNative, "total"), latency.get(), grouping.get()));
    }

    private static Optional<PyrraQueries.Indicator> boolGauge(Fields boolGauge) {
        boolGauge.known(List.of("metric", "grouping"));
        Optional<Selectors.Vector> gauge = selector(boolGauge, "metric");
        Optional<List<String>> grouping = grouping(boolGauge);
        if (gauge.isEmpty() || grouping.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PyrraQueries.Indicator(PyrraQueries.Kind.BOOL_GAUGE, "",
                boolGauge.map().text("metric").orElseThrow().strip(), Duration.ZERO, grouping.get()));
    }

    /** {@code key: {metric: SELECTOR}}. */
    private static Optional<Selectors.Vector> metric(Fields owner, String key) {
        if (!owner.map().has(key)) {
            owner.problems().error(owner.map().location(), "missing key \"" + owner.where() + "." + key + "\"",
                    key + ".metric, a Prometheus selector", "");
            return Optional.empty();
        }
        return owner.child(key).flatMap(child -> selector(child.known(List.of("metric")), "metric"));
    }

    private static Optional<Selectors.Vector> selector(Fields owner, String key) {
        return owner.requireText(key, "a Prometheus selector such as http_requests_total{job=\"api\"}")
                .flatMap(text -> {
                    try {
                        return Optional.of(Selectors.vector(text));
                    } catch (QueryException bad) {
                        owner.problems().error(owner.valueLocation(key), "\"" + owner.where() + "." + key
                                + "\" is not a metric selector: " + bad.getMessage(), "a selector such as "
                                + "http_requests_total{job=\"api\"}", "Pyrra reads a metric with label matchers, "
                                + "not an expression");
                        return Optional.empty();
                    }
                });
    }

    private static Optional<List<String>> grouping(Fields owner) {
        Optional<Node> node = owner.map().get("grouping");
        if (node.isEmpty() || node.get() instanceof ScalarNode empty && empty.isNull()) {
            return Optional.of(List.of());
        }
        if (!(node.get() instanceof ListNode list)) {
            owner.problems().error(node.get().location(), "\"" + owner.where() + ".grouping\" is "
                    + node.get().describe(), "a list of label names", "");
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        boolean valid = true;
        for (Node item : list.items()) {
            if (item instanceof ScalarNode scalar && LABEL.matcher(scalar.text()).matches()
                    && !labels.contains(scalar.text())) {
                labels.add(scalar.text());
            } else {
                owner.problems().error(item.location(), "grouping entry " + (item instanceof ScalarNode scalar
                        ? "\"" + scalar.text() + "\"" : item.describe()) + " is not " + (item instanceof ScalarNode s
                        && labels.contains(s.text()) ? "new" : "a label name"), "distinct Prometheus label names", "");
                valid = false;
            }
        }
        return valid ? Optional.of(List.copyOf(labels)) : Optional.empty();
    }

    private static String text(Fields owner, String key) {
        return owner.map().map(key).flatMap(child -> child.text("metric")).orElseThrow().strip();
    }

    private static io.relia.core.Location metricLocation(Fields owner, String key) {
        return owner.map().map(key).flatMap(child -> child.get("metric")).map(Node::location)
                .orElse(owner.map().location());
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException notANumber) {
            return text.equals("+Inf");
        }
    }
}
