package io.relia.slo.openslo;

import io.relia.core.Location;
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

    /** Reads an SLI's {@code spec}; problems go to the fields' problems, data sources come from {@code objects}. */
    static Optional<Sli> read(Fields spec, OpenSloObjects objects) {
        spec.known(List.of("description", "ratioMetric", "thresholdMetric"));
        if (spec.map().has("thresholdMetric")) {
            spec.problems().error(spec.locationOf("thresholdMetric"), "threshold metrics are not supported",
                    "a ratioMetric (good or bad with total, or raw)", "");
            return Optional.empty();
        }
        return OpenSloReader.requireChild(spec, "ratioMetric", "good or bad with total, or raw with rawType")
                .flatMap(ratio -> ratioMetric(ratio, objects));
    }

    private static Optional<Sli> ratioMetric(Fields ratio, OpenSloObjects objects) {
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
            return prometheus(ratio, List.of("raw"), objects) ? raw(ratio) : Optional.empty();
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
        List<String> keys = good != bad ? List.of(good ? "good" : "bad", "total") : List.of("total");
        if (!prometheus(ratio, keys, objects)) {
            return Optional.empty();
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

    /** {@code key: {metricSource: ...}}, known keys checked; empty (reported) when absent. */
    private static Optional<Fields> metricSource(Fields ratio, String key) {
        return OpenSloReader.requireChild(ratio, key, "a metricSource with a Prometheus query")
                .map(item -> item.known(List.of("metricSource")))
                .flatMap(item -> OpenSloReader.requireChild(item, "metricSource", "type: Prometheus and spec.query"))
                .map(source -> source.known(List.of("metricSourceRef", "type", "spec")));
    }

    /** A metric source's type, written or that of its {@code metricSourceRef} DataSource, and where it comes from. */
    private record SourceType(String type, Location location) {
    }

    /**
     * True when the metric sources of {@code keys} are all Prometheus; else one error for the ratio: at its first
     * other source, naming the type, or at the first missing type or unresolved data source.
     */
    private static boolean prometheus(Fields ratio, List<String> keys, OpenSloObjects objects) {
        List<SourceType> types = new java.util.ArrayList<>();
        for (String key : keys) {
            // The first source that cannot be typed stops the check: good and total usually share their reference.
            Optional<SourceType> type = metricSource(ratio, key).flatMap(source -> type(source, objects));
            if (type.isEmpty()) {
                return false;
            }
            types.add(type.get());
        }
        Optional<SourceType> other = types.stream().filter(type -> !type.type().equalsIgnoreCase("Prometheus"))
                .findFirst();
        other.ifPresent(type -> ratio.problems().error(type.location(), type.type() + " metric sources are not "
                + "supported", "type: Prometheus", "Relia generates Prometheus rules"));
        return other.isEmpty();
    }

    private static Optional<SourceType> type(Fields source, OpenSloObjects objects) {
        Optional<String> written = source.text("type", "type: Prometheus");
        if (!source.map().has("metricSourceRef")) {
            if (written.isEmpty() && !source.map().has("type")) {
                source.problems().error(source.map().location(), "missing key \"" + source.where() + ".type\"",
                        "type: Prometheus, or metricSourceRef naming a DataSource", "");
            }
            return written.map(type -> new SourceType(type, source.valueLocation("type")));
        }
        Optional<String> ref = source.requireText("metricSourceRef", "the name of a DataSource");
        if (written.isPresent() && !written.get().equalsIgnoreCase("Prometheus")) {
            // Refused for its type whatever the reference names: one error for one cause.
            return written.map(type -> new SourceType(type, source.valueLocation("type")));
        }
        Optional<String> referenced = ref.flatMap(name -> objects.resolve("DataSource", source, "metricSourceRef",
                        name))
                .flatMap(entry -> objects.once(entry.object(), object -> OpenSloReader.spec(object,
                        "the data source's type").flatMap(SliReader::dataSource)));
        if (referenced.isEmpty()) {
            return Optional.empty();
        }
        if (written.isPresent() && !written.get().equalsIgnoreCase(referenced.get())) {
            source.problems().error(source.valueLocation("type"), "type " + written.get() + " differs from the type "
                    + referenced.get() + " of DataSource \"" + ref.orElseThrow() + "\"", "the DataSource's type",
                    "");
            return Optional.empty();
        }
        return Optional.of(new SourceType(referenced.get(), source.valueLocation(written.isPresent() ? "type"
                : "metricSourceRef")));
    }

    /** The spec of a {@code DataSource}: its type (connection details are the monitoring system's business). */
    static Optional<String> dataSource(Fields spec) {
        spec.known(List.of("description", "type", "connectionDetails"));
        return spec.requireText("type", "the data source's type, such as Prometheus");
    }

    /**
     * The query of {@code key: {metricSource: {spec: {query}}}}, with its {{.window}} range; the metric source was
     * checked by {@link #prometheus}.
     */
    private static Optional<String> metric(Fields ratio, String key, boolean counter) {
        return ratio.map().map(key).flatMap(item -> item.map("metricSource"))
                .map(source -> new Fields(source, ratio.problems(), OpenSloReader.path(ratio, key) + ".metricSource"))
                .flatMap(source -> OpenSloReader.requireChild(source, "spec", "a mapping with the PromQL query"))
                .map(spec -> spec.known(List.of("query")))
                .flatMap(spec -> spec.requireText("query", QUERY).flatMap(text -> windowed(spec, "query", text,
                        counter, key.equals("raw"))));
    }

    /**
     * The query with a {{.window}} range: as written when it has one, {@code sum(rate(selector[{{.window}}]))} for a
     * counter selector (bare or inside {@code sum(...)}), else a located error.
     */
    static Optional<String> windowed(Fields spec, String key, String query, boolean counter, boolean raw) {
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
            spec.problems().error(spec.valueLocation(key), "the raw query has no {{.window}}",
                    "an error or success ratio over {{.window}}", "use rate(...[{{.window}}]) inside the ratio");
        } else {
            spec.problems().error(spec.valueLocation(key),
                    "the query has no {{.window}} and is not a plain counter selector", QUERY,
                    "use rate(...[{{.window}}])");
        }
        return Optional.empty();
    }
}
