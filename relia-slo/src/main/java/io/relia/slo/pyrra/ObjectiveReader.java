package io.relia.slo.pyrra;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.value.Durations;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Pyrra ServiceLevelObjective into Relia's model, every invalid field reported at once. Metadata: the name is the
 * SLO's, the namespace its service ({@code default} when unset, as {@code kubectl apply} would place it), labels
 * prefixed {@code pyrra.dev/} become rule labels and annotations so prefixed alert annotations (Pyrra propagates
 * exactly those); other labels only select the PrometheusRule resource and are named in a note.
 */
final class ObjectiveReader {

    static final String DEFAULT_NAMESPACE = "default";
    static final String DEFAULT_ALERT = "ErrorBudgetBurn";
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
            + "[a-z0-9])?)*");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** What Prometheus' model.ParseDuration reads, as Pyrra parses windows and latencies. */
    static final Pattern PROMETHEUS_DURATION = Pattern.compile("(?:\\d+(?:ms|s|m|h|d|w|y))+");
    private static final List<String> SPEC_KEYS = List.of("description", "target", "window", "indicator", "alerting",
            "partial_response_strategy", "performanceOverAccuracy", "ruleOutput");
    private static final List<String> ALERTING_KEYS = List.of("disabled", "burnrates", "absent", "name", "absentName",
            "severities");
    private static final List<String> SEVERITY_KEYS = List.of("fastBurn", "mediumBurn", "slowBurn", "longTermBurn",
            "absent");

    private ObjectiveReader() {
    }

    static Optional<Slo> read(MapNode root, Problems problems) {
        Fields document = new Fields(root, problems, "").known(List.of("apiVersion", "kind", "metadata", "spec",
                "status"));
        String apiVersion = root.text("apiVersion").orElse("");
        if (!apiVersion.equals(PyrraReader.SPEC)) {
            problems.error(document.valueLocation("apiVersion"), "Pyrra " + apiVersion + " is not supported",
                    "apiVersion: " + PyrraReader.SPEC, "");
            return Optional.empty();
        }
        long before = problems.errorCount();
        Optional<Fields> metadata = document.child("metadata");
        Optional<Fields> spec = document.child("spec");
        if (metadata.isEmpty()) {
            problems.error(root.location(), "missing key \"metadata\"", "metadata.name, the SLO's name", "");
        }
        if (spec.isEmpty()) {
            problems.error(root.location(), "missing key \"spec\"", "spec with target, window and indicator", "");
        }
        Optional<String> name = metadata.flatMap(ObjectiveReader::name);
        String namespace = metadata.map(ObjectiveReader::namespace).orElse(DEFAULT_NAMESPACE);
        Map<String, String> labels = metadata.map(fields -> propagated(fields, "labels")).orElse(Map.of());
        Map<String, String> annotations = metadata.map(fields -> propagated(fields, "annotations")).orElse(Map.of());
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = spec.get().known(SPEC_KEYS);
        Optional<BigDecimal> target = target(fields);
        Optional<Duration> window = window(fields);
        Optional<Sli> sli = fields.child("indicator").flatMap(IndicatorReader::read);
        if (!fields.map().has("indicator")) {
            problems.error(fields.map().location(), "missing key \"spec.indicator\"",
                    "one of ratio, latency, latencyNative or bool_gauge", "");
        }
        Optional<Fields> alerting = fields.child("alerting").map(child -> child.known(ALERTING_KEYS));
        Optional<List<PyrraWindows.Window>> windows = window.flatMap(period -> windows(fields, period));
        unused(fields);
        Alerting alerts = alerting(alerting, name.orElse(""), annotations,
                windows.map(w -> w.get(0).forDuration()), windows.map(w -> w.get(2).forDuration()));
        if (problems.errorCount() > before || name.isEmpty() || target.isEmpty() || window.isEmpty()
                || sli.isEmpty() || windows.isEmpty()) {
            return Optional.empty();
        }
        alertNote(fields, alerting, alerts, windows.get());
        List<BurnRateAlert> burnRates = PyrraWindows.alerts(windows.get(), severity(alerts.page()),
                severity(alerts.ticket()));
        return Optional.of(new Slo(namespace, name.get(), fields.text("description", "text").orElse(""),
                target.get().doubleValue(), window, sli.get(), labels, alerts, burnRates, PyrraReader.SPEC,
                root.location()));
    }

    private static Optional<String> name(Fields metadata) {
        Optional<String> name = metadata.requireText("name", "the SLO name (a Kubernetes object name)");
        name.filter(value -> value.length() > 253 || !OBJECT_NAME.matcher(value).matches()).ifPresent(value ->
                metadata.problems().error(metadata.valueLocation("name"), "metadata.name \"" + value
                        + "\" is not a Kubernetes object name", "lower-case letters, digits, '-' and '.', starting "
                        + "and ending with a letter or digit", "Kubernetes refuses the resource"));
        return name;
    }

    private static String namespace(Fields metadata) {
        Optional<String> namespace = metadata.text("namespace", "a Kubernetes namespace");
        if (namespace.isEmpty()) {
            metadata.problems().note(metadata.map().location(), "metadata.namespace is not set: the SLO's service is "
                    + "\"" + DEFAULT_NAMESPACE + "\"", "set metadata.namespace (Pyrra warns too); Relia takes the "
                    + "namespace as the service");
            return DEFAULT_NAMESPACE;
        }
        if (!NAMESPACE.matcher(namespace.get()).matches()) {
            metadata.problems().error(metadata.valueLocation("namespace"), "metadata.namespace \"" + namespace.get()
                    + "\" is not a Kubernetes namespace", "lower-case letters, digits and '-', at most 63", "");
        }
        return namespace.get();
    }

    /** Labels or annotations prefixed {@code pyrra.dev/}, without the prefix; the others named in a note. */
    private static Map<String, String> propagated(Fields metadata, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        metadata.textMap(key).forEach((name, value) -> {
            if (name.startsWith(PyrraReader.GROUP)) {
                out.put(name.substring(PyrraReader.GROUP.length()), value);
            } else {
                others.add(name);
            }
        });
        if (key.equals("labels") && !others.isEmpty()) {
            metadata.problems().note(metadata.locationOf(key), "metadata.labels " + String.join(", ", others)
                    + " label the PrometheusRule resource Pyrra writes, not its rules; Relia's rules do not carry "
                    + "them", "prefix a label with pyrra.dev/ to put it on every rule, as Pyrra does");
        }
        return out;
    }

    private static Optional<BigDecimal> target(Fields spec) {
        Optional<Node> node = spec.map().get("target");
        String expected = "a percentage between 0 and 100 as a string, such as \"99.5\"";
        if (node.isEmpty() || node.get() instanceof ScalarNode empty && empty.isNull()) {
            spec.problems().error(spec.map().location(), "missing key \"spec.target\"", expected, "");
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && !scalar.quoted()
                && scalar.type() != ScalarNode.Type.STRING && scalar.asNumber().isPresent()) {
            spec.problems().error(scalar.location(), "spec.target is a number", expected,
                    "quote it (target: \"" + scalar.text() + "\"): the CRD types it as a string and Kubernetes "
                            + "refuses a number");
            return Optional.empty();
        }
        Optional<String> text = spec.requireText("target", expected);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.get().strip());
        } catch (NumberFormatException notANumber) {
            spec.problems().error(spec.valueLocation("target"), "spec.target \"" + text.get() + "\" is not a number",
                    expected, text.get().endsWith("%") ? "drop the %: Pyrra reads a plain number" : "");
            return Optional.empty();
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) >= 0) {
            spec.problems().error(spec.valueLocation("target"), "spec.target " + value.toPlainString()
                    + " is out of range", "more than 0 and less than 100",
                    value.signum() > 0 ? "a 100% target leaves no error budget" : "");
            return Optional.empty();
        }
        if (!(value.doubleValue() > 0 && value.doubleValue() < 100)) {
            spec.problems().error(spec.valueLocation("target"), "spec.target " + value.toPlainString()
                    + " is too close to 0 or 100 to compute with", "at most 15 significant digits", "");
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.ONE) < 0) {
            spec.problems().warning(spec.valueLocation("target"), "spec.target " + value.toPlainString()
                    + " is read as " + value.toPlainString() + "%", "a percentage from 0 to 100",
                    "for " + value.movePointRight(2).stripTrailingZeros().toPlainString() + "% write \""
                            + value.movePointRight(2).stripTrailingZeros().toPlainString() + "\"");
        }
        return Optional.of(value);
    }

    private static Optional<Duration> window(Fields spec) {
        return spec.requireText("window", "a Prometheus duration such as 28d or 4w").flatMap(text -> {
            Location where = spec.valueLocation("window");
            if (!PROMETHEUS_DURATION.matcher(text.strip()).matches()) {
                spec.problems().error(where, "spec.window \"" + text + "\" is not a Prometheus duration",
                        "a duration such as 7d, 28d or 4w (units ms, s, m, h, d, w, y)", "");
                return Optional.empty();
            }
            return Durations.parse(text.strip()).orReport(spec.problems(), where);
        });
    }

    private static Optional<List<PyrraWindows.Window>> windows(Fields spec, Duration period) {
        Optional<List<PyrraWindows.Window>> windows = PyrraWindows.of(period);
        if (windows.isEmpty()) {
            spec.problems().error(spec.valueLocation("window"), "spec.window " + Durations.format(period)
                    + " is too short for Pyrra's alert windows (the shortest rounds to 0m)", "at least "
                    + Durations.format(PyrraWindows.SHORTEST_PERIOD), "Pyrra scales its windows from 5m at 28d");
        }
        return windows;
    }

    /** Fields that change only Pyrra's own rule output: read, checked, and named in a note when set. */
    private static void unused(Fields spec) {
        spec.text("partial_response_strategy", "abort or warn").ifPresent(value -> {
            if (!List.of("abort", "warn", "").contains(value)) {
                spec.problems().error(spec.valueLocation("partial_response_strategy"),
                        "spec.partial_response_strategy \"" + value + "\" is not valid", "abort or warn", "");
            } else if (value.equals("warn")) {
                spec.problems().note(spec.locationOf("partial_response_strategy"), "spec.partial_response_strategy "
                        + "is for Thanos Ruler; Relia's rule files do not carry it", "set it on the rule group");
            }
        });
        if (spec.bool("performanceOverAccuracy").orElse(false)) {
            spec.problems().note(spec.locationOf("performanceOverAccuracy"), "spec.performanceOverAccuracy changes "
                    + "how Pyrra records its own increase rules; Relia's rules are not split", "");
        }
        spec.child("ruleOutput").ifPresent(output -> {
            output.known(List.of("enableDescriptionAsLabel", "longRulesLabels", "shortRulesLabels"));
            output.bool("enableDescriptionAsLabel");
            output.textMap("longRulesLabels");
            output.textMap("shortRulesLabels");
            spec.problems().note(spec.locationOf("ruleOutput"), "spec.ruleOutput labels the PrometheusRule "
                    + "resources Pyrra writes; Relia's rule files do not carry it", "");
        });
    }

    /**
     * Pyrra's alerts: one name for every SLO (ErrorBudgetBurn), told apart by the static label {@code slo}, which
     * Relia's alerts keep too (without it Prometheus sees duplicate alert rules).
     */
    private static Alerting alerting(Optional<Fields> alerting, String sloName, Map<String, String> annotations,
                                     Optional<Duration> pageFor, Optional<Duration> ticketFor) {
        boolean disabled = alerting.flatMap(fields -> fields.bool("disabled")).orElse(false);
        boolean burnRates = alerting.flatMap(fields -> fields.bool("burnrates")).orElse(true);
        alerting.ifPresent(fields -> fields.bool("absent"));
        String name = alerting.flatMap(fields -> fields.text("name", "the alert name")).filter(s -> !s.isBlank())
                .orElse(DEFAULT_ALERT);
        alerting.ifPresent(fields -> fields.text("absentName", "the absent alert's name"));
        Optional<Fields> severities = alerting.flatMap(fields -> fields.child("severities"))
                .map(fields -> fields.known(SEVERITY_KEYS));
        String page = severity(severities, "fastBurn", "critical");
        String ticket = severity(severities, "slowBurn", "warning");
        severities.ifPresent(fields -> {
            same(fields, "mediumBurn", "fastBurn", page);
            same(fields, "longTermBurn", "slowBurn", ticket);
            fields.text("absent", "a severity");
        });
        boolean off = disabled || !burnRates;
        return new Alerting(name, Map.of("slo", sloName), annotations,
                new AlertTier(off, Map.of("severity", page), Map.of(), pageFor.filter(d -> !d.isZero())),
                new AlertTier(off, Map.of("severity", ticket), Map.of(), ticketFor.filter(d -> !d.isZero())));
    }

    private static String severity(Optional<Fields> severities, String key, String fallback) {
        return severities.flatMap(fields -> fields.text(key, "a severity label value")).filter(s -> !s.isBlank())
                .orElse(fallback);
    }

    /** Relia alerts once per tier with one severity, so both pairs of a tier must share theirs. */
    private static void same(Fields severities, String key, String partner, String tierSeverity) {
        Optional<String> value = severities.text(key, "a severity label value").filter(s -> !s.isBlank());
        String own = value.orElse(key.equals("mediumBurn") ? "critical" : "warning");
        if (!own.equals(tierSeverity)) {
            severities.problems().error(severities.valueLocation(value.isPresent() ? key : partner),
                    "spec.alerting.severities." + key + " (" + own + ") differs from " + partner + " ("
                            + tierSeverity + ")", "the same severity for " + partner + " and " + key,
                    "Relia raises one alert per tier (page: fastBurn and mediumBurn; ticket: slowBurn and "
                            + "longTermBurn) with one severity label");
        }
    }

    private static String severity(AlertTier tier) {
        return tier.labels().getOrDefault("severity", "");
    }

    /** How the alerts differ from Pyrra's own: said once per SLO, where the alerting is (or the spec). */
    private static void alertNote(Fields spec, Optional<Fields> alerting, Alerting alerts,
                                  List<PyrraWindows.Window> windows) {
        Location where = alerting.map(fields -> fields.map().location()).orElse(spec.map().location());
        boolean absent = alerting.flatMap(fields -> fields.map().get("absent"))
                .flatMap(node -> node instanceof ScalarNode scalar ? scalar.asBoolean() : Optional.empty())
                .orElse(true);
        List<String> parts = new ArrayList<>();
        if (!alerts.page().disabled()) {
            parts.add("each tier waits the for of its faster pair (page " + Durations.format(windows.get(0)
                    .forDuration()) + ", ticket " + Durations.format(windows.get(2).forDuration()) + "); Pyrra waits "
                    + "per pair (" + String.join(", ", windows.stream().map(w -> Durations.format(w.forDuration()))
                    .toList()) + ")");
        }
        if (absent) {
            parts.add("Pyrra's absent alert (" + alerting.flatMap(fields -> fields.map().text("absentName"))
                    .filter(s -> !s.isBlank()).orElse("SLOMetricAbsent") + ") is not generated");
        }
        if (!parts.isEmpty()) {
            spec.problems().note(where, "alerts on Pyrra's four window pairs: " + String.join("; ", parts),
                    absent ? "set spec.alerting.absent: false once you alert on absent metrics elsewhere" : "");
        }
    }
}
