package io.relia.slo.openslo;

import io.relia.core.spec.Fields;
import io.relia.core.spec.Suggestions;
import io.relia.slo.Sli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code spec} of an OpenSLO v1 SLI (inline {@code indicator.spec} or a {@code kind: SLI} document) into an
 * {@link Sli}: Prometheus ratio metrics only, every query ranging over {@code {{.window}}}.
 */
final class SliReader {

    private static final String STRING = "\"(?:[^\"\\\\]++|\\\\.)*+\"|'(?:[^'\\\\]++|\\\\.)*+'|`[^`]*+`";
    private static final String MATCHER = "\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*(?:=~|!~|!=|=)\\s*(?:" + STRING + ")\\s*";

    /** A metric name with an optional label matcher and nothing else: a counter whose rate Relia can take. */
    private static final Pattern SELECTOR = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(?:\\{(?:" + MATCHER + "(?:," + MATCHER + ")*,?)?\\s*})?");

    /** {@code sum(selector)}, the form OpenSLO's own Prometheus example uses for counters. */
    private static final Pattern SUM_OF_SELECTOR = Pattern.compile("sum\\s*\\(\\s*(" + SELECTOR + ")\\s*\\)");

    private static final String QUERY = "a PromQL query with {{.window}} as its range, or with counter: true a "
            + "counter selector such as http_requests_total{code=~\"5..\"}";

    private SliReader() {
    }

    /** Reads an SLI's {@code spec}; problems go to the fields' problems. */
    static Optional<Sli> read(Fields spec) {
        spec.known(List.of("description", "ratioMetric", "thresholdMetric"));
        if (spec.map().has("thresholdMetric")) {
            spec.problems().error(spec.locationOf("thresholdMetric"), "threshold metrics are not supported",
                    "a ratioMetric (good or bad with total, or raw)", "");
            return Optional.empty();
        }
        return OpenSloReader.requireChild(spec, "ratioMetric", "good or bad with total, or raw with rawType")
                .flatMap(SliReader::ratioMetric);
    }

    private static Optional<Sli> ratioMetric(Fields ratio) {
        ratio.known(List.of("counter", "good", "bad", "total", "raw", "rawType"));
        boolean counter = ratio.bool("counter").orElse(false);
        boolean good = ratio.map().has("good");
        boolean bad = ratio.map().has("bad");
        if (ratio.map().has("raw")) {
            if (good || bad || ratio.map().has("total")) {
                ratio.problems().error(ratio.map().location(), "\"" + ratio.where()
                        + "\" has both raw and good, bad or total",
                        "either raw with rawType, or good or bad with total", "");
                return Optional.empty();
            }
            return raw(ratio);
        }
        if (ratio.map().has("rawType")) {
            ratio.problems().error(ratio.locationOf("rawType"), "\"" + ratio.where() + ".rawType\" is set without raw",
                    "rawType only together with raw", "");
        }
        if (good == bad) {
            ratio.problems().error(ratio.map().location(), "\"" + ratio.where() + "\" has "
                    + (good ? "both good and bad" : "neither good nor bad"), "exactly one of good and bad, with total",
                    "");
        }
        Optional<String> numerator = good != bad ? metric(ratio, good ? "good" : "bad", counter) : Optional.empty();
        Optional<String> total = metric(ratio, "total", counter);
        if (numerator.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        String error = good ? "(" + total.get() + ") - (" + numerator.get() + ")" : numerator.get();
        return Optional.of(new Sli.Events(error, total.get()));
    }

    private static Optional<Sli> raw(Fields ratio) {
        Optional<String> type = ratio.requireText("rawType", "success or failure");
        type.filter(value -> !value.equals("success") && !value.equals("failure")).ifPresent(value ->
                ratio.problems().error(ratio.valueLocation("rawType"), "rawType \"" + value + "\" is not valid",
                        "success or failure", Suggestions.closest(value, List.of("success", "failure"))
                                .map(best -> "did you mean \"" + best + "\"?").orElse("")));
        // OpenSLO: counter "has no effect when using a raw query", so a raw query must range over {{.window}} itself.
        Optional<String> query = metric(ratio, "raw", false);
        if (type.isEmpty() || query.isEmpty()) {
            return Optional.empty();
        }
        return switch (type.get()) {
            case "failure" -> Optional.of(new Sli.Raw(query.get()));
            case "success" -> Optional.of(new Sli.Raw("1 - (" + query.get() + ")"));
            default -> Optional.empty();
        };
    }

    /** The query of {@code key: {metricSource: {type: Prometheus, spec: {query}}}}, with its {{.window}} range. */
    private static Optional<String> metric(Fields ratio, String key, boolean counter) {
        Optional<Fields> source = OpenSloReader.requireChild(ratio, key, "a metricSource with a Prometheus query")
                .map(item -> item.known(List.of("metricSource")))
                .flatMap(item -> OpenSloReader.requireChild(item, "metricSource", "type: Prometheus and spec.query"));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Fields metricSource = source.get().known(List.of("metricSourceRef", "type", "spec"));
        boolean prometheus = prometheus(metricSource);
        Optional<String> query = OpenSloReader.requireChild(metricSource, "spec", "a mapping with the PromQL query")
                .map(spec -> spec.known(List.of("query")))
                .flatMap(spec -> spec.requireText("query", QUERY).flatMap(text -> windowed(spec, text, counter,
                        key.equals("raw"))));
        return prometheus ? query : Optional.empty();
    }

    private static boolean prometheus(Fields metricSource) {
        if (!metricSource.map().has("type")) {
            metricSource.problems().error(metricSource.map().location(), "missing key \"" + metricSource.where()
                    + ".type\"", "type: Prometheus", metricSource.map().has("metricSourceRef")
                    ? "Relia does not read the type of a referenced DataSource; write type: Prometheus here" : "");
            return false;
        }
        Optional<String> type = metricSource.requireText("type", "type: Prometheus");
        if (type.isPresent() && !type.get().equalsIgnoreCase("Prometheus")) {
            metricSource.problems().error(metricSource.valueLocation("type"),
                    "only Prometheus metric sources are supported", "type: Prometheus", "");
        }
        return type.filter(value -> value.equalsIgnoreCase("Prometheus")).isPresent();
    }

    /**
     * The query with a {{.window}} range: as written when it has one, {@code sum(rate(selector[{{.window}}]))} for a
     * counter selector (bare or inside {@code sum(...)}), else a located error.
     */
    private static Optional<String> windowed(Fields spec, String query, boolean counter, boolean raw) {
        if (query.contains(Sli.WINDOW)) {
            return Optional.of(query);
        }
        if (counter) {
            String trimmed = query.strip();
            Matcher sum = SUM_OF_SELECTOR.matcher(trimmed);
            Optional<String> selector = SELECTOR.matcher(trimmed).matches() ? Optional.of(trimmed)
                    : sum.matches() ? Optional.of(sum.group(1).strip()) : Optional.empty();
            if (selector.isPresent()) {
                return Optional.of("sum(rate(" + selector.get() + "[" + Sli.WINDOW + "]))");
            }
        }
        if (raw) {
            spec.problems().error(spec.valueLocation("query"), "the raw query has no {{.window}}",
                    "an error or success ratio over {{.window}}", "use rate(...[{{.window}}]) inside the ratio");
        } else {
            spec.problems().error(spec.valueLocation("query"),
                    "the query has no {{.window}} and is not a plain counter selector", QUERY,
                    "use rate(...[{{.window}}])");
        }
        return Optional.empty();
    }
}
