package io.relia.core.review;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;
import io.relia.core.markdown.MarkdownRunbookReader;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecFile;
import io.relia.core.spec.SpecLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a service's inputs by content, not by path: a YAML document with {@code apiVersion: openslo/v1} is an
 * OpenSLO spec wherever it lives. Build output and VCS folders are skipped; {@code relia.yaml}'s {@code exclude}
 * globs (relative to the service directory) leave out more. Links to files are read like the files; links to
 * folders are not walked. A FIFO, device or socket (or a link to one) with an input's name is never opened: it is
 * an unreadable input, "not a regular file", so the checks that needed it fail.
 */
public final class InputDiscovery {

    /** Folders that hold no inputs of the service's own. */
    private static final Map<String, String> SKIPPED_DIRS = Map.ofEntries(Map.entry(".git", "version control"),
            Map.entry(".hg", "version control"), Map.entry(".svn", "version control"),
            Map.entry("target", "build output"), Map.entry("build", "build output"), Map.entry("dist", "build output"),
            Map.entry("out", "build output"), Map.entry("node_modules", "dependencies"),
            Map.entry("vendor", "vendored dependencies"), Map.entry(".venv", "dependencies"),
            Map.entry("__pycache__", "build output"), Map.entry(".idea", "editor settings"),
            Map.entry(".vscode", "editor settings"), Map.entry(".gradle", "build tool cache"),
            Map.entry(".mvn", "build tool settings"));
    /** A bound on the walk, so that pointing review at / cannot run for ever. */
    static final int MAX_FILES = 50_000;
    /** Names of metrics history files: CSV, OpenMetrics and Prometheus text. */
    private static final List<String> METRICS_EXTENSIONS = List.of(".csv", ".om", ".prom", ".openmetrics", ".txt");
    /** The head of a file read to tell metrics history by its first line. */
    private static final int HEADER_BYTES = 64 * 1024;

    private InputDiscovery() {
    }

    /** Scans {@code root}; a missing or unreadable root is the caller's concern (checked before). */
    public static ServiceInventory scan(Path root) {
        return scan(root, List.of());
    }

    /**
     * Scans {@code root}, leaving out {@code relia.yaml}'s {@code exclude} globs and {@code extraExcludeGlobs}
     * (from the command line; relative to {@code root}).
     */
    public static ServiceInventory scan(Path root, List<String> extraExcludeGlobs) {
        return scan(root, extraExcludeGlobs, List.of());
    }

    /**
     * Scans {@code root} as {@link #scan(Path, List)} does, walking the folders named in {@code includes} too
     * although their names ({@code dist}, {@code build}, {@code vendor}) are skipped by default. An include is a
     * folder name ({@code dist}: every folder so named) or a path relative to {@code root} ({@code web/dist}).
     */
    public static ServiceInventory scan(Path root, List<String> extraExcludeGlobs, List<String> includes) {
        List<String> excludes = new ArrayList<>(excludes(root));
        extraExcludeGlobs.stream().filter(glob -> !excludes.contains(glob)).forEach(excludes::add);
        List<PathMatcher> matchers = excludes.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<SkippedFolder> skipped = new ArrayList<>();
        List<Path> files = walk(root, matchers, includes, skipped);
        List<DiscoveredInput> inputs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        HelmCharts charts = HelmCharts.among(files);
        for (Path file : files) {
            if (charts.isChart(file)) {
                classifyChart(root, file, inputs, problems);
            } else if (!charts.rendersFrom(file)) {
                classify(root, file, inputs, problems);
            }
        }
        inputs.sort(Comparator.comparing((DiscoveredInput input) -> input.relative().toString())
                .thenComparing(DiscoveredInput::kind));
        return new ServiceInventory(root, inputs, problems, files.size(), excludes, skipped);
    }

    /** The folder names the walk skips unless included, with what such a folder holds. */
    public static Map<String, String> skippedFolderNames() {
        return SKIPPED_DIRS;
    }

    private static List<String> excludes(Path root) {
        for (String name : List.of("relia.yaml", "relia.yml")) {
            Path config = root.resolve(name);
            if (Files.isRegularFile(config)) {
                LoadResult loaded = SpecLoader.load(config);
                return loaded.file().stream().flatMap(file -> file.documents().stream())
                        .map(SpecDocument::root)
                        .flatMap(node -> node instanceof MapNode map ? map.list("exclude").stream()
                                : java.util.stream.Stream.empty())
                        .flatMap(list -> list.items().stream())
                        .flatMap(item -> item instanceof io.relia.core.spec.ScalarNode scalar
                                ? java.util.stream.Stream.of(scalar.text()) : java.util.stream.Stream.empty())
                        .toList();
            }
        }
        return List.of();
    }

    private static List<Path> walk(Path root, List<PathMatcher> excludes, List<String> includes,
                                   List<SkippedFolder> skipped) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String why = SKIPPED_DIRS.get(String.valueOf(dir.getFileName()));
                    if (excluded(root, dir, excludes)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (why != null && !included(root.relativize(dir), includes)) {
                        skipped.add(new SkippedFolder(root.relativize(dir), countFiles(dir), why));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Links are not followed by the walk: a link to a folder stays unwalked (no loops), any other
                    // entry is classified, and what is not a regular file is refused there, unopened.
                    if (!excluded(root, file, excludes) && !(attrs.isSymbolicLink() && Files.isDirectory(file))) {
                        files.add(file);
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private static boolean included(Path relative, List<String> includes) {
        String path = relative.toString().replace('\\', '/');
        String name = String.valueOf(relative.getFileName());
        return includes.stream().map(include -> include.replace('\\', '/').replaceAll("/+$", ""))
                .anyMatch(include -> include.equals(name) || include.equals(path));
    }

    /** Regular files under a skipped folder, up to {@link SkippedFolder#COUNT_LIMIT}; links are not followed. */
    private static int countFiles(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return (int) all.filter(Files::isRegularFile).limit(SkippedFolder.COUNT_LIMIT).count();
        } catch (IOException | UncheckedIOException unreadable) {
            return 0;
        }
    }

    private static boolean excluded(Path root, Path path, List<PathMatcher> excludes) {
        Path relative = root.relativize(path);
        return excludes.stream().anyMatch(matcher -> matcher.matches(relative));
    }

    private static void classify(Path root, Path found, List<DiscoveredInput> inputs, List<Problem> problems) {
        Path relative = root.relativize(found);
        // Messages name "deploy/app.yaml", not "./deploy/app.yaml", when the directory is "."
        Path file = found.normalize();
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            if (readsByName(name, relative)) {
                problems.add(refusal(file));
                inputs.add(new DiscoveredInput(file, relative, InputKind.UNREADABLE, List.of(),
                        LikelyKind.of(file, relative)));
            }
            return;
        }
        if (isHelmTemplate(file, relative)) {
            inputs.add(new DiscoveredInput(file, relative, InputKind.HELM_TEMPLATE, List.of()));
        } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            classifyStructured(file, relative, inputs, problems);
        } else if (name.endsWith(".java")) {
            inputs.add(new DiscoveredInput(file, relative, InputKind.JAVA_SOURCE, List.of()));
        } else if (name.startsWith("application") && name.endsWith(".properties")) {
            inputs.add(new DiscoveredInput(file, relative, InputKind.SPRING_CONFIG, List.of()));
        } else if (name.endsWith(".md") && relative.toString().toLowerCase(Locale.ROOT).contains("runbook")) {
            classifyMarkdown(file, relative, inputs, problems);
        } else if (isMetricsHistory(file, name)) {
            inputs.add(new DiscoveredInput(file, relative, InputKind.METRICS_HISTORY, List.of()));
        }
    }

    /**
     * A chart template: a YAML file under a {@code templates/} folder with Go template actions ({@code {{}). Helm
     * renders it; read as YAML it would be an error that is not the author's.
     */
    public static boolean isHelmTemplate(Path file, Path relative) {
        String name = String.valueOf(relative.getFileName()).toLowerCase(Locale.ROOT);
        String path = relative.toString().replace('\\', '/');
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".tpl"))
                || !(path.startsWith("templates/") || path.contains("/templates/"))) {
            return false;
        }
        try {
            return new String(InputFiles.readHead(file, HEADER_BYTES), StandardCharsets.UTF_8).contains("{{");
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * A Markdown page under a runbook directory: a runbook when it has runbook sections or names its alert, an
     * unreadable runbook when it has errors; section index pages, templates and guides are no input at all.
     */
    private static void classifyMarkdown(Path file, Path relative, List<DiscoveredInput> inputs,
                                         List<Problem> problems) {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(file);
        if (!reading.isRunbook()) {
            return;
        }
        problems.addAll(reading.problems());
        inputs.add(reading.runbook().isPresent()
                ? new DiscoveredInput(file, relative, InputKind.RUNBOOK_DOCUMENT, List.of())
                : new DiscoveredInput(file, relative, InputKind.UNREADABLE, List.of(),
                        Optional.of(InputKind.RUNBOOK_DOCUMENT)));
    }

    /**
     * True for the names {@link #classify} reads whatever their content: the only special files worth a word
     * (metrics history counts only when its first line says so).
     */
    private static boolean readsByName(String name, Path relative) {
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".java")
                || name.startsWith("application") && name.endsWith(".properties")
                || name.endsWith(".md") && relative.toString().toLowerCase(Locale.ROOT).contains("runbook");
    }

    /** Why a file that is not a regular one (or a link to none) was not read. */
    private static Problem refusal(Path file) {
        try {
            InputFiles.requireRegularFile(file);
            return Problem.error(Location.wholeFile(file), "not a regular file", "a regular file", "");
        } catch (RefusedFileException refused) {
            return refused.problem();
        } catch (NoSuchFileException dangling) {
            return Problem.error(Location.wholeFile(file), "a link to a file that does not exist",
                    "an existing regular file", "");
        } catch (IOException unreadable) {
            return Problem.error(Location.wholeFile(file), "cannot read the file: " + unreadable.getMessage(),
                    "", "");
        }
    }

    /** A chart's Chart.yaml: the chart as one input; a Chart.yaml that does not parse is unreadable like any file. */
    private static void classifyChart(Path root, Path found, List<DiscoveredInput> inputs, List<Problem> problems) {
        Path file = found.normalize();
        LoadResult loaded = Files.isRegularFile(file) ? SpecLoader.load(file) : null;
        if (loaded == null || loaded.file().isEmpty() || loaded.hasErrors()) {
            classify(root, found, inputs, problems);
            return;
        }
        inputs.add(new DiscoveredInput(file, root.relativize(found), InputKind.HELM_CHART,
                loaded.file().get().documents()));
    }

    private static void classifyStructured(Path file, Path relative, List<DiscoveredInput> inputs,
                                           List<Problem> problems) {
        LoadResult loaded = SpecLoader.load(file);
        // Zero documents (blank, only comments or ---) is valid YAML with nothing to audit: no input, no error
        // (round 1 called piggymetrics' empty Spring Cloud Config files invalid). Nor is valid JSONC of no kind.
        if (SpecLoader.holdsNoDocument(loaded) || loaded.hasErrors() && isJsoncOfNoKind(file, relative)) {
            return;
        }
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            problems.addAll(loaded.problems());
            inputs.add(new DiscoveredInput(file, relative, InputKind.UNREADABLE, List.of(),
                    LikelyKind.of(file, relative)));
            return;
        }
        SpecFile spec = loaded.file().get();
        Map<InputKind, List<SpecDocument>> byKind = new EnumMap<>(InputKind.class);
        for (SpecDocument document : spec.documents()) {
            kindOf(relative, document.root()).ifPresent(kind ->
                    byKind.computeIfAbsent(kind, ignored -> new ArrayList<>()).add(document));
        }
        byKind.forEach((kind, documents) -> {
            DiscoveredInput input = new DiscoveredInput(file, relative, kind, documents);
            // Read means validated too: the review judges an input only by what its format allows.
            problems.addAll(InputValidator.validateAll(input));
            inputs.add(input);
        });
    }

    /**
     * True for a {@code .json} file that strict JSON refuses but JSONC reads (comments, trailing commas: VS Code
     * settings, {@code tsconfig.json}, {@code devcontainer.json}) and whose documents are of no kind Relia reads:
     * valid in its own dialect and no input, so not invalid. JSONC of a kind Relia reads (a Chaos Toolkit
     * experiment with comments) stays an error: Relia and the tools that run such files read strict JSON.
     */
    private static boolean isJsoncOfNoKind(Path file, Path relative) {
        if (!String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        LoadResult jsonc = SpecLoader.loadJsonc(file);
        return jsonc.file().isPresent() && !jsonc.hasErrors() && jsonc.file().get().documents().stream()
                .allMatch(document -> kindOf(relative, document.root()).isEmpty());
    }

    /** An OpenSLO object of any version ({@code openslo/v1}, {@code openslo.com/v2alpha}). */
    private static boolean isOpenSlo(MapNode map) {
        String apiVersion = map.text("apiVersion").orElse("");
        return apiVersion.startsWith("openslo/") || apiVersion.startsWith("openslo.com/");
    }

    /** Kustomize reads kustomization.yaml without apiVersion or kind; its keys give it away. */
    private static boolean isKustomization(String name, MapNode map) {
        return (name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("kustomization"))
                && Stream.of("resources", "bases", "components", "images", "patches", "patchesStrategicMerge")
                .anyMatch(map::has);
    }

    /** Top-level keys that make an application*.yml Spring Boot config. */
    private static final List<String> SPRING_PREFIXES = List.of("spring", "server", "management", "resilience4j");

    /**
     * What a YAML or JSON document is, judged by its keys ({@code relative} is the file's path inside the service
     * directory; only {@code relia.yaml} at the top is a service config). Empty when it is none of Relia's inputs.
     */
    public static Optional<InputKind> kindOf(Path relative, Node root) {
        if (root instanceof ListNode list) {
            // The OpenSLO SDK's layout: a YAML list of OpenSLO objects.
            return list.items().stream().anyMatch(item -> item instanceof MapNode map && isOpenSlo(map))
                    ? Optional.of(InputKind.SLO_OPENSLO) : Optional.empty();
        }
        if (!(root instanceof MapNode map)) {
            return Optional.empty();
        }
        String name = String.valueOf(relative.getFileName()).toLowerCase(Locale.ROOT);
        String apiVersion = map.text("apiVersion").orElse("");
        String kind = map.text("kind").orElse("");
        if (apiVersion.startsWith("sloth.slok.dev/") || map.text("version").orElse("").equals("prometheus/v1")) {
            return Optional.of(InputKind.SLO_SLOTH);
        }
        if (isOpenSlo(map)) {
            return Optional.of(InputKind.SLO_OPENSLO);
        }
        if (apiVersion.startsWith("pyrra.dev/") && kind.equals("ServiceLevelObjective")) {
            return Optional.of(InputKind.SLO_PYRRA);
        }
        Optional<InputKind> foreign = ForeignKinds.of(map);
        if (foreign.isPresent()) {
            return foreign;
        }
        if (kind.equals("PrometheusRule") || hasRuleGroups(map)) {
            return Optional.of(InputKind.PROMETHEUS_RULES);
        }
        // Before the Kubernetes rule: no manifest has these keys, and a runbook that carries apiVersion and kind is
        // still a runbook, judged as one (relia runbook validate judges it so).
        if (map.has("diagnosis_steps") || map.has("mitigation_options")) {
            return Optional.of(InputKind.RUNBOOK);
        }
        if (!apiVersion.isEmpty() && !kind.isEmpty() || isKustomization(name, map)) {
            return Optional.of(InputKind.KUBERNETES);
        }
        if (map.has("service") && map.has("slos")) {
            return Optional.of(InputKind.SLO_NATIVE);
        }
        if ((name.equals("relia.yaml") || name.equals("relia.yml")) && relative.getNameCount() == 1) {
            return Optional.of(InputKind.SERVICE_CONFIG);
        }
        if (map.has("chaoslib-version") || map.has("steady_states") && map.has("status") && map.has("experiment")) {
            // A chaos run's journal carries a copy of its experiment: it is output, not another experiment.
            return Optional.of(InputKind.CHAOS_JOURNAL);
        }
        if (map.map("experiment").isPresent()) {
            return Optional.of(InputKind.CHAOS_EXPERIMENT);
        }
        if (map.has("steady-state-hypothesis") || map.has("title") && map.list("method").isPresent()) {
            return Optional.of(InputKind.CHAOS_TOOLKIT);
        }
        if (map.has("response_targets") || map.map("postmortem").map(p -> p.has("within") || p.has("required_for"))
                .orElse(false)) {
            return Optional.of(InputKind.INCIDENT_POLICY);
        }
        if (map.has("disaster_recovery")) {
            return Optional.of(InputKind.DISASTER_RECOVERY);
        }
        if (map.has("service_capacity") || map.has("capacity") || hasCapacityResources(map)
                || map.map("compute").flatMap(compute -> compute.text("current_usage")).isPresent()) {
            return Optional.of(InputKind.CAPACITY);
        }
        if (name.startsWith("application") && map.keys().stream().anyMatch(InputDiscovery::springKey)) {
            return Optional.of(InputKind.SPRING_CONFIG);
        }
        return Optional.empty();
    }

    /**
     * A top-level key of Spring Boot config, nested ({@code spring:}) or fully dotted
     * ({@code spring.datasource.url:}).
     */
    private static boolean springKey(String key) {
        for (String prefix : SPRING_PREFIXES) {
            if (key.equals(prefix) || key.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    /** A capacity plan's {@code resources:} list: mappings with a usage source or a capacity. */
    private static boolean hasCapacityResources(MapNode map) {
        return map.list("resources").filter(list -> !list.items().isEmpty()).map(list -> list.items().stream()
                .allMatch(item -> item instanceof MapNode resource && Stream.of("data", "prometheus", "capacity",
                        "per_instance").anyMatch(resource::has))).orElse(false);
    }

    private static boolean hasRuleGroups(MapNode map) {
        Optional<ListNode> groups = map.list("groups");
        return groups.isPresent() && !groups.get().items().isEmpty() && groups.get().items().stream()
                .allMatch(group -> group instanceof MapNode g && g.list("rules").isPresent());
    }

    /** OpenMetrics/Prometheus text, or CSV of good/total (or errors/total) counters per timestamp. */
    private static boolean isMetricsHistory(Path file, String name) {
        boolean csv = name.endsWith(".csv");
        if (METRICS_EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return false;
        }
        try {
            String head = new String(InputFiles.readHead(file, HEADER_BYTES), StandardCharsets.UTF_8);
            String first = head.lines().findFirst().orElse(null);
            if (first == null) {
                return false;
            }
            String header = first.toLowerCase(Locale.ROOT);
            if (csv) {
                return header.contains("timestamp") && header.contains("total")
                        && (header.contains("good") || header.contains("error"));
            }
            return header.startsWith("# type ") || header.startsWith("# help ");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
