package io.relia.slo.openslo;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.Suggestions;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads OpenSLO {@code openslo/v1} files: {@code kind: SLO} documents with an inline indicator or an
 * {@code indicatorRef} to a {@code kind: SLI} document of the same file, Prometheus ratio metrics, one rolling window,
 * {@code Occurrences} budgeting and one objective. OpenSLO alert policies are not mapped: every SLO gets Relia's
 * page and ticket burn-rate alerts.
 */
public final class OpenSloReader {

    static final String SPEC = "openslo/v1";

    /** OpenSLO's rule for object names: an RFC 1123 label. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final Set<String> IGNORED_KINDS = Set.of("Service", "DataSource", "AlertPolicy", "AlertCondition",
            "AlertNotificationTarget");
    private static final List<String> KINDS = List.of("SLO", "SLI", "Service", "DataSource", "AlertPolicy",
            "AlertCondition", "AlertNotificationTarget");
    private static final List<String> DOCUMENT_KEYS = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> METADATA_KEYS = List.of("name", "displayName", "labels", "annotations");
    private static final List<String> SLO_KEYS = List.of("description", "service", "indicator", "indicatorRef",
            "timeWindow", "budgetingMethod", "objectives", "alertPolicies");
    private static final String V1ALPHA_HINT = "migrate to openslo/v1: timeWindows becomes timeWindow and "
            + "objectives[].ratioMetrics becomes indicator.spec.ratioMetric";

    private OpenSloReader() {
    }

    /** True for an OpenSLO document of any version (unsupported versions are reported by {@link #read}). */
    public static boolean accepts(MapNode root) {
        return root.text("apiVersion").orElse("").startsWith("openslo/");
    }

    /**
     * Reads all documents of one file, so that an SLO may reference an SLI defined beside it; documents of other
     * formats are skipped. Every problem goes to {@code problems}; only valid SLOs are returned.
     */
    public static List<Slo> read(List<MapNode> documents, Problems problems) {
        List<Fields> slos = new ArrayList<>();
        Map<String, Optional<Sli>> slis = new LinkedHashMap<>();
        Map<String, Location> sliNames = new HashMap<>();
        for (MapNode root : documents) {
            if (!accepts(root)) {
                continue;
            }
            Fields document = new Fields(root, problems, "");
            if (!supportedVersion(document)) {
                continue;
            }
            Optional<String> kind = document.requireText("kind", String.join(", ", KINDS));
            if (kind.isEmpty() || IGNORED_KINDS.contains(kind.get())) {
                continue;
            }
            switch (kind.get()) {
                case "SLO" -> slos.add(document.known(DOCUMENT_KEYS));
                case "SLI" -> sliDocument(document.known(DOCUMENT_KEYS), slis, sliNames);
                default -> problems.warning(document.valueLocation("kind"), "unknown OpenSLO kind \"" + kind.get()
                        + "\"", "SLO or SLI", Suggestions.closest(kind.get(), KINDS)
                        .map(best -> "did you mean \"" + best + "\"?").orElse("the document is ignored"));
            }
        }
        List<Slo> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (Fields document : slos) {
            slo(document, slis).ifPresent(slo -> {
                Location name = document.map().map("metadata").flatMap(metadata -> metadata.get("name"))
                        .map(Node::location).orElse(slo.location());
                Location first = seen.putIfAbsent(slo.name(), name);
                if (first != null) {
                    problems.error(name, "duplicate SLO name \"" + slo.name() + "\" (first at line " + first.line()
                            + ")", "a unique name per SLO", "");
                } else {
                    out.add(slo);
                }
            });
        }
        return out;
    }

    private static boolean supportedVersion(Fields document) {
        String apiVersion = document.map().text("apiVersion").orElse("");
        if (apiVersion.equals(SPEC)) {
            return true;
        }
        String version = apiVersion.substring("openslo/".length());
        document.problems().error(document.valueLocation("apiVersion"), "OpenSLO "
                        + (version.isEmpty() ? "\"" + apiVersion + "\"" : version) + " is not supported",
                "apiVersion: " + SPEC, version.equals("v1alpha") ? V1ALPHA_HINT : "migrate the file to " + SPEC);
        return false;
    }

    private static void sliDocument(Fields document, Map<String, Optional<Sli>> slis, Map<String, Location> names) {
        Optional<String> name = requireChild(document, "metadata", "the SLI's name")
                .map(metadata -> metadata.known(METADATA_KEYS))
                .flatMap(metadata -> metadata.requireText("name", "the SLI's name"));
        Optional<Sli> sli = requireChild(document, "spec", "a ratioMetric").flatMap(SliReader::read);
        if (name.isEmpty()) {
            return;
        }
        Location location = document.map().map("metadata").flatMap(metadata -> metadata.get("name"))
                .map(Node::location).orElse(document.map().location());
        Location first = names.putIfAbsent(name.get(), location);
        if (first != null) {
            document.problems().error(location, "duplicate SLI name \"" + name.get() + "\" (first at line "
                    + first.line() + ")", "a unique name per SLI", "");
        } else {
            slis.put(name.get(), sli);
        }
    }

    private static Optional<Slo> slo(Fields document, Map<String, Optional<Sli>> slis) {
        Problems problems = document.problems();
        long before = problems.errorCount();
        Optional<Fields> metadata = requireChild(document, "metadata", "the SLO's name")
                .map(fields -> fields.known(METADATA_KEYS));
        Optional<String> name = metadata.flatMap(OpenSloReader::name);
        Map<String, String> labels = metadata.map(OpenSloReader::labels).orElse(Map.of());
        Optional<Fields> spec = requireChild(document, "spec", "the SLO's service, indicator and objectives")
                .map(fields -> fields.known(SLO_KEYS));
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = spec.get();
        Optional<String> service = fields.requireText("service", "the name of the service the SLO belongs to");
        String description = fields.text("description", "text").orElse("");
        Optional<Sli> sli = indicator(fields, slis);
        Optional<Duration> period = ObjectiveReader.timeWindow(fields);
        ObjectiveReader.budgetingMethod(fields);
        Optional<Double> objective = ObjectiveReader.objective(fields);
        if (fields.map().has("alertPolicies")) {
            problems.warning(fields.locationOf("alertPolicies"), "\"spec.alertPolicies\" are ignored", "",
                    "Relia generates page and ticket burn-rate alerts for every SLO");
        }
        if (problems.errorCount() > before || name.isEmpty() || service.isEmpty() || sli.isEmpty()
                || objective.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Slo(service.get(), name.get(), description, objective.get(), period, sli.get(), labels,
                alerting(name.get(), description), List.of(), SPEC, document.map().location()));
    }

    private static Optional<String> name(Fields metadata) {
        Optional<String> name = metadata.requireText("name", "the SLO's name");
        name.filter(value -> !NAME.matcher(value).matches()).ifPresent(value -> metadata.problems().error(
                metadata.valueLocation("name"), "SLO name \"" + value + "\" is not valid",
                "at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (RFC 1123)",
                ""));
        return name.filter(value -> NAME.matcher(value).matches());
    }

    /** OpenSLO labels: each value a string or a list of strings, the list joined by ",". */
    private static Map<String, String> labels(Fields metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        metadata.child("labels").ifPresent(labels -> labels.map().entries().forEach((key, entry) -> {
            Node value = entry.value();
            if (value instanceof ScalarNode scalar && !scalar.isNull()) {
                out.put(key, scalar.text());
            } else if (value instanceof ListNode list && !list.items().isEmpty() && list.items().stream()
                    .allMatch(item -> item instanceof ScalarNode scalar && !scalar.isNull())) {
                out.put(key, list.items().stream().map(item -> ((ScalarNode) item).text())
                        .collect(Collectors.joining(",")));
            } else {
                metadata.problems().error(value.location(), "\"" + labels.where() + "." + key + "\" is "
                        + value.describe(), "a string or a list of strings", "");
            }
        }));
        return out;
    }

    /** Exactly one of an inline {@code indicator} and an {@code indicatorRef} to an SLI of the same file. */
    private static Optional<Sli> indicator(Fields spec, Map<String, Optional<Sli>> slis) {
        boolean inline = spec.map().has("indicator");
        boolean reference = spec.map().has("indicatorRef");
        if (inline == reference) {
            spec.problems().error(spec.map().location(), "\"" + spec.where() + "\" has "
                    + (inline ? "both indicator and indicatorRef" : "neither indicator nor indicatorRef"),
                    "exactly one of indicator (an inline SLI) and indicatorRef (the name of an SLI)", "");
            return Optional.empty();
        }
        if (inline) {
            return spec.child("indicator").map(indicator -> indicator.known(List.of("metadata", "spec")))
                    .flatMap(indicator -> {
                        indicator.child("metadata").ifPresent(metadata -> metadata.known(METADATA_KEYS));
                        return requireChild(indicator, "spec", "a ratioMetric");
                    })
                    .flatMap(SliReader::read);
        }
        Optional<String> name = spec.requireText("indicatorRef", "the name of an SLI");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Sli> sli = slis.get(name.get());
        if (sli == null) {
            String hint = Suggestions.closest(name.get(), slis.keySet()).map(best -> "did you mean \"" + best + "\"?")
                    .orElse(slis.isEmpty() ? "define the SLI in this file or inline it as spec.indicator"
                            : "SLIs in this file: " + String.join(", ", slis.keySet()));
            spec.problems().error(spec.valueLocation("indicatorRef"), "no SLI named \"" + name.get()
                    + "\" in this file", "the name of a kind: SLI document in the same file", hint);
            return Optional.empty();
        }
        return sli;
    }

    /** Alerts named after the SLO ({@code checkout-availability} → {@code CheckoutAvailabilitySloBurnRate}). */
    private static Alerting alerting(String name, String description) {
        StringBuilder alert = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                alert.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        alert.append("SloBurnRate");
        Map<String, String> annotations = description.isEmpty() ? Map.of() : Map.of("description", description);
        return new Alerting(alert.toString(), Map.of(), annotations,
                new AlertTier(false, Map.of("severity", "critical"), Map.of()),
                new AlertTier(false, Map.of("severity", "warning"), Map.of()));
    }

    /** A required nested mapping; a located "missing key" error when it is absent. */
    static Optional<Fields> requireChild(Fields fields, String key, String expected) {
        if (!fields.map().has(key)) {
            fields.problems().error(fields.map().location(), "missing key \"" + path(fields, key) + "\"", expected,
                    "");
            return Optional.empty();
        }
        Optional<Fields> child = fields.child(key);
        if (child.isEmpty() && fields.map().get(key).filter(node -> node instanceof ScalarNode s && s.isNull())
                .isPresent()) {
            fields.problems().error(fields.valueLocation(key), "\"" + path(fields, key) + "\" is empty", expected, "");
        }
        return child;
    }

    static String path(Fields fields, String key) {
        return fields.where().isEmpty() ? key : fields.where() + "." + key;
    }
}
