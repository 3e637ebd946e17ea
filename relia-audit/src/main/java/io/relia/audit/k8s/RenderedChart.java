package io.relia.audit.k8s;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What {@code helm template} made of a chart: its manifests, each read from the template that helm names in its
 * {@code # Source: CHART/templates/x.yaml} comment, and a map from rendered lines back to template lines. The map
 * is a best effort and says so: a rendered line is matched to the first template line at or after the previous
 * match with the same text, else with the same key ({@code image: {{ .Values.image }}} for {@code image: api}),
 * else it keeps the previous match.
 */
final class RenderedChart {

    private static final String SOURCE = "# Source: ";

    private final List<Manifest> manifests;
    private final List<Problem> problems;
    private final Map<String, int[]> lines;

    private RenderedChart(List<Manifest> manifests, List<Problem> problems, Map<String, int[]> lines) {
        this.manifests = List.copyOf(manifests);
        this.problems = List.copyOf(problems);
        this.lines = Map.copyOf(lines);
    }

    /** A chart that was not rendered, and why. */
    static RenderedChart failed(Problem problem) {
        return new RenderedChart(List.of(), List.of(problem), Map.of());
    }

    /** Reads helm's output for the chart in {@code chartDirectory} (as the audit names files). */
    static RenderedChart of(Path chartDirectory, String output) {
        Map<Path, StringBuilder> bySource = new LinkedHashMap<>();
        Path source = chartDirectory.resolve("Chart.yaml");
        StringBuilder document = new StringBuilder();
        for (String line : output.split("\\R", -1)) {
            if (line.startsWith("---")) {
                append(bySource, source, document);
                document.setLength(0);
                source = chartDirectory.resolve("Chart.yaml");
                continue;
            }
            if (line.startsWith(SOURCE)) {
                source = templateFile(chartDirectory, line.substring(SOURCE.length()).strip());
            }
            document.append(line).append('\n');
        }
        append(bySource, source, document);
        List<Manifest> manifests = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, int[]> lines = new HashMap<>();
        bySource.forEach((template, text) -> {
            int[] map = lineMap(template, text.toString());
            lines.put(template.toString(), map);
            read(template, text.toString(), manifests, problems, map);
        });
        return new RenderedChart(manifests, problems, lines);
    }

    List<Manifest> manifests() {
        return manifests;
    }

    List<Problem> problems() {
        return problems;
    }

    /** A finding on rendered output, at its template line, saying that helm rendered it; others as they are. */
    Finding place(Finding finding) {
        int[] map = lines.get(finding.location().file());
        if (map == null) {
            return finding;
        }
        Location at = new Location(finding.location().file(), templateLine(map, finding.location().line()), 0);
        return new Finding(finding.ruleId(), finding.severity(), finding.message() + " (as helm template renders "
                + "the chart with its default values)", at, finding.fix());
    }

    /** A finding placed by whichever of {@code charts} rendered its file. */
    static Finding place(List<RenderedChart> charts, Finding finding) {
        Finding placed = finding;
        for (RenderedChart chart : charts) {
            placed = chart.place(placed);
        }
        return placed;
    }

    private static void append(Map<Path, StringBuilder> bySource, Path source, StringBuilder document) {
        if (document.toString().lines().anyMatch(line -> !line.isBlank() && !line.startsWith("#")
                && !line.startsWith("---"))) {
            StringBuilder text = bySource.computeIfAbsent(source, ignored -> new StringBuilder());
            if (!text.isEmpty()) {
                text.append("---\n");
            }
            text.append(document);
        }
    }

    /** {@code chart/templates/x.yaml} (or a subchart's {@code chart/charts/sub/templates/y.yaml}) in the tree. */
    private static Path templateFile(Path chartDirectory, String source) {
        int slash = source.indexOf('/');
        return slash < 0 ? chartDirectory.resolve(source) : chartDirectory.resolve(source.substring(slash + 1));
    }

    private static void read(Path template, String text, List<Manifest> manifests, List<Problem> problems,
                             int[] map) {
        LoadResult loaded = SpecLoader.parse(template, text);
        loaded.problems().stream().filter(Problem::isError).map(problem -> new Problem(new Location(
                problem.location().file(), templateLine(map, problem.location().line()), 0), problem.level(),
                "as helm renders it: " + problem.message(), problem.expected(), problem.hint()))
                .forEach(problems::add);
        for (SpecDocument document : loaded.file().map(file -> file.documents()).orElse(List.of())) {
            if (document.root() instanceof MapNode object && InputDiscovery.kindOf(template.getFileName(), object)
                    .filter(kind -> kind == InputKind.KUBERNETES).isPresent()) {
                Manifest.add(object, template, manifests);
            }
        }
    }

    private static int templateLine(int[] map, int renderedLine) {
        return renderedLine <= 0 || renderedLine >= map.length ? 0 : map[renderedLine];
    }

    /** For each rendered line (1-based), its template line, or 0 when the template cannot be read. */
    private static int[] lineMap(Path template, String rendered) {
        List<String> source;
        try {
            source = Files.exists(template) ? Files.readAllLines(template, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | UncheckedIOException unreadable) {
            source = List.of();
        }
        String[] out = rendered.split("\n", -1);
        int[] map = new int[out.length + 1];
        int cursor = 0;
        for (int i = 0; i < out.length; i++) {
            String text = out[i].strip();
            if (text.equals("---")) {
                // A new document: it may come from the template's top again (a range over values).
                cursor = 0;
                map[i + 1] = source.isEmpty() ? 0 : 1;
                continue;
            }
            Optional<Integer> match = find(source, cursor, candidate -> candidate.equals(text));
            if (match.isEmpty() && text.contains(":") && !text.startsWith("#")) {
                String key = text.substring(0, text.indexOf(':') + 1);
                match = find(source, cursor, candidate -> candidate.startsWith(key));
            }
            if (match.isPresent() && !text.isEmpty() && !text.startsWith("#")) {
                cursor = match.get();
            }
            map[i + 1] = source.isEmpty() ? 0 : cursor + 1;
        }
        return map;
    }

    private static Optional<Integer> find(List<String> source, int from,
                                          Predicate<String> matches) {
        for (int k = from; k < source.size(); k++) {
            if (matches.test(source.get(k).strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
