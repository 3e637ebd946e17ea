package io.relia.slo.openslo;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.Suggestions;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads OpenSLO files as the OpenSLO SDK and the {@code oslo} CLI write them: one object per YAML document or a YAML
 * list of objects, {@code openslo/v1} (every kind; SLOs with an inline indicator or an {@code indicatorRef}, alert
 * policies mapped onto Relia's burn-rate alerts) and {@code openslo/v1alpha} (the version Sloth reads). References
 * are resolved across the files read together. Prometheus metric sources, rolling windows and {@code Occurrences}
 * budgeting only; everything else is refused where it is written.
 */
public final class OpenSloReader {

    static final String SPEC = "openslo/v1";

    /** OpenSLO's rule for object names: an RFC 1123 label. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final List<String> KINDS = List.of("SLO", "SLI", "Service", "DataSource", "AlertPolicy",
            "AlertCondition", "AlertNotificationTarget");
    private static final List<String> V1ALPHA_KINDS = List.of("SLO", "Service");
    private static final List<String> DOCUMENT_KEYS = List.of("apiVersion", "kind", "metadata", "spec");
    static final List<String> METADATA_KEYS = List.of("name", "displayName", "labels", "annotations");
    private static final List<String> SLO_KEYS = List.of("description", "service", "indicator", "indicatorRef",
            "timeWindow", "budgetingMethod", "objectives", "alertPolicies");
    private static final String READ = SPEC + " or " + V1alphaReader.SPEC;

    private OpenSloReader() {
    }

    /** True for an OpenSLO object of any version (unsupported versions are reported by {@link #read}). */
    public static boolean accepts(MapNode root) {
        String apiVersion = root.text("apiVersion").orElse("");
        return apiVersion.startsWith("openslo/") || apiVersion.startsWith("openslo.com/");
    }

    /** True for an OpenSLO object, or a YAML list holding one (the layout of the OpenSLO SDK's files). */
    public static boolean accepts(Node root) {
        return root instanceof MapNode map ? accepts(map) : root instanceof ListNode list
                && list.items().stream().anyMatch(item -> item instanceof MapNode map && accepts(map));
    }

    /** Reads the OpenSLO documents of one file, references resolved within it. */
    public static List<Slo> read(List<? extends Node> documents, Problems problems) {
        return read(documents, List.of(), problems);
    }

    /**
     * Reads the OpenSLO documents of one file (objects or lists of objects); references may name objects of {@code
     * others}, the documents of the files read with it, whose own problems are left to their own reading. Every
     * problem goes to {@code problems}; only valid SLOs are returned.
     */
    public static List<Slo> read(List<? extends Node> documents, List<? extends Node> others, Problems problems) {
        OpenSloObjects objects = new OpenSloObjects(problems);
        List<Named> own = index(documents, problems, objects, true);
        index(others, new Problems(), objects, false);
        List<Slo> out = new ArrayList<>();
        Map<String, Integer> held = new LinkedHashMap<>();
        for (Named object : own) {
            held.merge(object.kind(), 1, Integer::sum);
            MapNode map = object.document().map();
            switch (object.kind()) {
                case "SLO" -> out.addAll(object.version().equals(SPEC)
                        ? slo(object.document(), object.name(), objects).stream().toList()
                        : V1alphaReader.read(object.document(), object.name(), objects));
                case "SLI" -> objects.once(map, sli(objects));
                case "DataSource" -> objects.once(map, document -> spec(document, "the data source's type")
                        .flatMap(SliReader::dataSource));
                case "AlertPolicy" -> objects.once(map, document -> spec(document, "the policy's condition")
                        .flatMap(spec -> AlertPolicyReader.policy(object.name(), spec, objects)));
                case "AlertCondition" -> objects.once(map, document -> spec(document, "the condition")
                        .flatMap(spec -> AlertPolicyReader.condition(object.name(), spec)));
                case "AlertNotificationTarget" -> objects.once(map, document -> spec(document, "the target")
                        .flatMap(AlertPolicyReader::target));
                default -> object.document().child("spec").ifPresent(spec -> spec.known(List.of("description")));
            }
        }
        if (!own.isEmpty() && !held.containsKey("SLO")) {
            problems.note(own.getFirst().document().map().location(), "the file holds no SLO, only OpenSLO "
                    + held.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                    .collect(Collectors.joining(", ")) + " object" + (own.size() == 1 ? "" : "s"),
                    "SLOs that refer to them read them when the files are given together");
        }
        return out;
    }

    /** An object with a usable kind and name. */
    private record Named(String version, String kind, String name, Fields document) {
    }

    /**
     * Indexes the named objects of {@code documents}, reporting lists holding other things, unsupported versions
     * (once per file and version), unknown kinds and invalid names; returns the objects to read.
     */
    private static List<Named> index(List<? extends Node> documents, Problems problems, OpenSloObjects objects,
                                     boolean own) {
        List<MapNode> maps = new ArrayList<>();
        for (Node root : documents) {
            if (root instanceof ListNode list) {
                for (Node item : list.items()) {
                    if (item instanceof MapNode map && accepts(map)) {
                        maps.add(map);
                    } else {
                        problems.error(item.location(), "the list item is " + (item instanceof MapNode
                                ? "not an OpenSLO object" : item.describe()), "an OpenSLO object (apiVersion, kind, "
                                + "metadata, spec) like the other items", "");
                    }
                }
            } else if (root instanceof MapNode map) {
                maps.add(map);
            }
        }
        Map<String, List<MapNode>> unsupported = new LinkedHashMap<>();
        List<Named> out = new ArrayList<>();
        for (MapNode map : maps) {
            String version = map.text("apiVersion").orElse("");
            if (!version.equals(SPEC) && !version.equals(V1alphaReader.SPEC)) {
                unsupported.computeIfAbsent(map.location().file() + "\n" + version, key -> new ArrayList<>())
                        .add(map);
                continue;
            }
            Fields document = new Fields(map, problems, "").known(DOCUMENT_KEYS);
            List<String> kinds = version.equals(SPEC) ? KINDS : V1ALPHA_KINDS;
            Optional<String> kind = document.requireText("kind", String.join(", ", kinds));
            if (kind.isPresent() && !kinds.contains(kind.get())) {
                problems.warning(document.valueLocation("kind"), "unknown " + version + " kind \"" + kind.get()
                        + "\"", String.join(", ", kinds), Suggestions.closest(kind.get(), kinds)
                        .map(best -> "did you mean \"" + best + "\"?").orElse("the object is ignored"));
                continue;
            }
            Optional<String> name = requireChild(document, "metadata", "the object's name")
                    .map(metadata -> metadata.known(METADATA_KEYS))
                    .flatMap(metadata -> name(metadata, kind.orElse("object")));
            if (kind.isPresent() && name.isPresent()
                    && objects.add(kind.get(), name.get(), map, OpenSloObjects.nameLocation(map), own)) {
                out.add(new Named(version, kind.get(), name.get(), document));
            }
        }
        unsupported.values().forEach(group -> {
            MapNode first = group.getFirst();
            problems.error(first.get("apiVersion").map(Node::location).orElse(first.location()), "OpenSLO "
                    + first.text("apiVersion").orElse("") + " is not supported (" + group.size() + " object"
                    + (group.size() == 1 ? "" : "s") + " in this file)", "apiVersion: " + READ,
                    first.text("apiVersion").orElse("").endsWith("/v2alpha") ? "v2alpha is a draft that renames "
                            + "fields (sli, serviceRef, dataSourceRef); write the objects as " + SPEC : "");
        });
        return out;
    }

    static Optional<Fields> spec(Fields document, String expected) {
        return requireChild(document, "spec", expected);
    }

    private static java.util.function.Function<Fields, Optional<Sli>> sli(OpenSloObjects objects) {
        return document -> spec(document, "a ratioMetric").flatMap(spec -> SliReader.read(spec, objects));
    }

    private static Optional<Slo> slo(Fields document, String name, OpenSloObjects objects) {
        Problems problems = document.problems();
        long before = problems.errorCount();
        Map<String, String> labels = document.child("metadata").map(OpenSloReader::labels).orElse(Map.of());
        Optional<Fields> spec = requireChild(document, "spec", "the SLO's service, indicator and objectives")
                .map(fields -> fields.known(SLO_KEYS));
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = spec.get();
        Optional<String> service = fields.requireText("service", "the name of the service the SLO belongs to");
        String description = fields.text("description", "text").orElse("");
        Optional<Sli> sli = indicator(fields, objects);
        Optional<Duration> period = ObjectiveReader.timeWindow(fields);
        ObjectiveReader.budgetingMethod(fields);
        Optional<Double> objective = ObjectiveReader.objective(fields);
        Optional<SloAlertsReader.Alerts> alerts = SloAlertsReader.read(fields, name, description, objects);
        if (problems.errorCount() > before || service.isEmpty() || sli.isEmpty() || objective.isEmpty()
                || alerts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Slo(service.get(), name, description, objective.get(), period, sli.get(), labels,
                alerts.get().alerting(), alerts.get().burnRate(), SPEC, document.map().location()));
    }

    private static Optional<String> name(Fields metadata, String kind) {
        Optional<String> name = metadata.requireText("name", "the " + kind + "'s name");
        name.filter(value -> !NAME.matcher(value).matches()).ifPresent(value -> metadata.problems().error(
                metadata.valueLocation("name"), kind + " name \"" + value + "\" is not valid",
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

    /** Exactly one of an inline {@code indicator} and an {@code indicatorRef} to an SLI of the files read. */
    private static Optional<Sli> indicator(Fields spec, OpenSloObjects objects) {
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
                    .flatMap(indicator -> SliReader.read(indicator, objects));
        }
        return spec.requireText("indicatorRef", "the name of an SLI")
                .flatMap(name -> objects.resolve("SLI", spec, "indicatorRef", name))
                .flatMap(entry -> objects.once(entry.object(), sli(objects)));
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
