package io.relia.audit.k8s;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reports a finding once when the same object is written in several bundles of one repository (a Deployment in
 * {@code kubernetes-manifests/}, again in {@code kustomize/base/} and again in a release bundle), at one copy, with
 * the other copies' places in its message. Objects are copies when kind, namespace, name and content are equal
 * except for container image references, which release tooling rewrites (a registry, a version tag). Two
 * Deployments of one name that differ in anything else (an overlay's replicas, a resource limit) are different
 * workloads and keep their own findings. Of the copies, the finding points at the one in a source directory rather
 * than in a generated bundle ({@code release/}, {@code dist/}, a {@code *-bundle.yaml}), then at the first by path.
 */
final class OncePerCopy {

    /** Path segments and name parts of generated bundles, which people do not edit. */
    private static final Set<String> GENERATED_DIRS = Set.of("release", "releases", "dist", "generated", "rendered",
            "bundle", "bundles");
    private static final List<String> GENERATED_NAMES = List.of("release", "bundle", "all-in-one", "generated",
            "rendered");

    private final AuditContext context;
    private final UnaryOperator<Finding> place;
    private final Map<MapNode, Sink> sinks = new IdentityHashMap<>();

    /** One checked object and what its checks reported. */
    private record Sink(MapNode object, Path file, String copyKey, AuditContext findings) {
    }

    /**
     * @param context the audit
     * @param place   moves a finding to where people fix it (a Helm template line for a rendered manifest)
     */
    OncePerCopy(AuditContext context, UnaryOperator<Finding> place) {
        this.context = context;
        this.place = place;
    }

    /**
     * Where the checks of {@code object} (from {@code file}) report; nothing reaches the audit before
     * {@link #flush}.
     */
    AuditContext sink(MapNode object, Path file) {
        return sinks.computeIfAbsent(object, key -> new Sink(object, file, copyKey(object),
                new AuditContext(context.inventory(), Set.of()))).findings();
    }

    /** Reports every finding of the sinks to the audit, once per group of copies. */
    void flush() {
        Map<String, List<Sink>> groups = new LinkedHashMap<>();
        sinks.values().forEach(sink -> groups.computeIfAbsent(sink.copyKey(), key -> new ArrayList<>()).add(sink));
        groups.values().forEach(this::report);
        sinks.clear();
    }

    private void report(List<Sink> copies) {
        List<Sink> ordered = copies.stream()
                .sorted(Comparator.comparingInt((Sink sink) -> generated(inTree(sink.file())))
                .thenComparing(sink -> sink.file().toString()).thenComparing(sink -> sink.object().location()))
                .toList();
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, List<Location>> others = new LinkedHashMap<>();
        for (Sink copy : ordered) {
            Map<String, Integer> occurrences = new LinkedHashMap<>();
            for (Finding finding : copy.findings().findings().stream().map(place).sorted().toList()) {
                String sameness = finding.ruleId() + '\u0000' + finding.message();
                String key = sameness + '\u0000' + occurrences.merge(sameness, 1, Integer::sum);
                if (first.containsKey(key)) {
                    others.computeIfAbsent(key, ignored -> new ArrayList<>()).add(finding.location());
                } else {
                    first.put(key, finding);
                }
            }
        }
        String kind = copies.get(0).object().text("kind").orElse("object");
        first.forEach((key, finding) -> context.report(withCopies(finding, kind, others.getOrDefault(key,
                List.of()))));
    }

    private Finding withCopies(Finding finding, String kind, List<Location> copies) {
        if (copies.isEmpty()) {
            return finding;
        }
        List<String> places = copies.stream().map(this::relative).distinct().toList();
        String copiesNote = " (the same " + kind + " is also in " + String.join(", ", places) + ")";
        return new Finding(finding.ruleId(), finding.severity(), finding.message() + copiesNote, finding.location(),
                finding.fix());
    }

    private String relative(Location location) {
        String shown = inTree(Path.of(location.file())).toString().replace('\\', '/');
        return location.line() == 0 ? shown : shown + ":" + location.line();
    }

    /** The file relative to the audited directory (the folders above it say nothing about the file). */
    private Path inTree(Path file) {
        Path root = context.root().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute) : file;
    }

    /** 1 for a file of a generated bundle, 0 for a source people edit. */
    static int generated(Path file) {
        for (Path segment : file.normalize()) {
            String name = segment.toString().toLowerCase(Locale.ROOT);
            if (GENERATED_DIRS.contains(name)) {
                return 1;
            }
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return GENERATED_NAMES.stream().anyMatch(name::contains) ? 1 : 0;
    }

    /** Kind, namespace, name and the content but image references, in a canonical form. */
    static String copyKey(MapNode object) {
        StringBuilder key = new StringBuilder();
        key.append(object.text("kind").orElse("")).append('/').append(Workload.namespace(object)).append('/')
                .append(object.map("metadata").flatMap(metadata -> metadata.text("name")).orElse("?")).append('\n');
        canonical(object, key);
        return key.toString();
    }

    private static void canonical(Node node, StringBuilder out) {
        switch (node) {
            case MapNode map -> {
                out.append('{');
                map.keys().stream().sorted().filter(key -> !key.equals("image")).forEach(key -> {
                    out.append(key).append(':');
                    map.get(key).ifPresent(value -> canonical(value, out));
                    out.append(',');
                });
                out.append('}');
            }
            case ListNode list -> {
                out.append('[');
                list.items().forEach(item -> {
                    canonical(item, out);
                    out.append(',');
                });
                out.append(']');
            }
            case ScalarNode scalar -> out.append(scalar.isNull() ? "~" : '"' + scalar.text()
                    .replace("\"", "\\\"") + '"');
            default -> out.append('?');
        }
    }
}
