package io.relia.audit.prometheus;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the scrape intervals a tree declares: prometheus.yml files (also when a ConfigMap holds one) and the
 * prometheus-operator resources. An interval that is written but cannot be read is a problem, never a silent
 * default: the rate-window rule would judge against the wrong interval.
 */
final class ScrapeSources {

    /** Prometheus' own default for {@code global.scrape_interval} (configuration docs: "default = 1m"). */
    static final Duration PROMETHEUS_DEFAULT = Duration.ofMinutes(1);
    /** prometheus-operator's default for a Prometheus resource's {@code spec.scrapeInterval} (its CRD: "30s"). */
    static final Duration OPERATOR_DEFAULT = Duration.ofSeconds(30);
    private static final Set<String> CONFIG_NAMES = Set.of("prometheus.yml", "prometheus.yaml");
    private static final int MAX_DEPTH = 8;

    private final List<ScrapeSource> sources = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private ScrapeSources() {
    }

    /**
     * Every interval of the tree and the problems of the ones that could not be read.
     *
     * @param sources  what was read
     * @param problems what could not be
     */
    record Read(List<ScrapeSource> sources, List<Problem> problems) {

        Read {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    static Read of(ServiceInventory inventory) {
        ScrapeSources reader = new ScrapeSources();
        reader.prometheusConfigs(inventory.root(), inventory.excluded().stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList());
        List<MapNode> resources = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (DiscoveredInput input : inventory.ofKind(InputKind.KUBERNETES)) {
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode resource) {
                    resources.add(resource);
                    files.add(input.path());
                }
            }
        }
        reader.operatorResources(resources, files);
        return new Read(reader.sources, reader.problems);
    }

    /** The prometheus.yml files of the tree, leaving out what the audit leaves out (relia.yaml exclude, --exclude). */
    private void prometheusConfigs(Path root, List<PathMatcher> excluded) {
        List<Path> configs;
        try (Stream<Path> found = Files.find(root, MAX_DEPTH, (path, attributes) -> attributes.isRegularFile()
                && CONFIG_NAMES.contains(String.valueOf(path.getFileName())) && !skipped(root.relativize(path))
                && excluded.stream().noneMatch(matcher -> matcher.matches(root.relativize(path))))) {
            configs = found.sorted().toList();
        } catch (IOException | UncheckedIOException unreadable) {
            problems.add(Problem.warning(Location.wholeFile(root), "could not look for prometheus.yml files, so "
                    + "scrape intervals are unknown: " + unreadable.getMessage()));
            return;
        }
        for (Path config : configs) {
            LoadResult loaded = SpecLoader.load(config);
            if (loaded.file().isEmpty() || loaded.hasErrors()) {
                loaded.problems().stream().filter(Problem::isError).findFirst().ifPresentOrElse(
                        problem -> problems.add(unreadable(problem.location(), problem.message())),
                        () -> problems.add(unreadable(Location.wholeFile(config), "it does not parse")));
                continue;
            }
            loaded.file().get().documents().forEach(document -> {
                if (document.root() instanceof MapNode map) {
                    prometheusConfig(map, config, String.valueOf(config.getFileName()));
                }
            });
        }
    }

    private static Problem unreadable(Location location, String why) {
        return Problem.warning(location, "prometheus.yml could not be read, so its scrape intervals are unknown to "
                + "rule prometheus/rate-window-too-short: " + why);
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** One prometheus.yml: {@code global.scrape_interval} (default 1m) and each job's own interval. */
    private void prometheusConfig(MapNode config, Path file, String name) {
        Optional<MapNode> global = config.map("global");
        Optional<ListNode> jobs = config.list("scrape_configs");
        if (global.isEmpty() && jobs.isEmpty()) {
            return;
        }
        List<String> ruleFiles = config.list("rule_files").map(ScrapeSources::texts).orElse(List.of());
        boolean written = global.map(map -> map.has("scrape_interval")).orElse(false);
        Optional<Duration> globalInterval = written ? interval(global.get(), "scrape_interval")
                : Optional.of(PROMETHEUS_DEFAULT);
        // A written interval that could not be read is a problem already; what inherits it stays unknown.
        globalInterval.ifPresent(interval -> sources.add(new ScrapeSource(interval, Set.of(), written
                ? global.get().locationOf("scrape_interval") : config.location(), written ? "global.scrape_interval"
                + " of " + name : "Prometheus' default, as " + name + " sets no global.scrape_interval", file,
                ruleFiles)));
        jobs.ifPresent(list -> list.items().forEach(item -> {
            if (item instanceof MapNode job && job.text("job_name").isPresent()) {
                String jobName = job.text("job_name").get();
                Optional<Duration> own = interval(job, "scrape_interval");
                own.or(() -> job.has("scrape_interval") ? Optional.empty() : globalInterval).ifPresent(interval ->
                        sources.add(new ScrapeSource(interval, Set.of(jobName), own.isPresent()
                                ? job.locationOf("scrape_interval") : job.locationOf("job_name"), "job " + jobName
                                + " of " + name, file, ruleFiles)));
            }
        }));
    }

    private void operatorResources(List<MapNode> resources, List<Path> files) {
        List<MapNode> services = resources.stream().filter(resource -> kind(resource).equals("Service")).toList();
        Duration operatorGlobal = null;
        for (int i = 0; i < resources.size(); i++) {
            MapNode resource = resources.get(i);
            if (kind(resource).equals("Prometheus") && apiGroup(resource)) {
                Duration own = resource.map("spec").flatMap(spec -> interval(spec, "scrapeInterval"))
                        .orElse(OPERATOR_DEFAULT);
                operatorGlobal = operatorGlobal == null || own.compareTo(operatorGlobal) < 0 ? own : operatorGlobal;
                boolean written = resource.map("spec").map(spec -> spec.has("scrapeInterval")).orElse(false);
                sources.add(new ScrapeSource(own, Set.of(), written ? resource.map("spec").get()
                        .locationOf("scrapeInterval") : resource.locationOf("kind"), "Prometheus " + name(resource)
                        + (written ? " spec.scrapeInterval"
                                : " (prometheus-operator's default; no spec.scrapeInterval)"),
                        files.get(i), List.of()));
            } else if (kind(resource).equals("ConfigMap")) {
                embeddedConfigs(resource, files.get(i));
            }
        }
        monitors(resources, files, services, operatorGlobal == null ? OPERATOR_DEFAULT : operatorGlobal);
    }

    /** ServiceMonitor and PodMonitor endpoints; one without interval takes {@code operatorGlobal}. */
    private void monitors(List<MapNode> resources, List<Path> files, List<MapNode> services,
                          Duration operatorGlobal) {
        for (int i = 0; i < resources.size(); i++) {
            MapNode resource = resources.get(i);
            if (!apiGroup(resource)) {
                continue;
            }
            if (kind(resource).equals("ServiceMonitor")) {
                endpoints(resource, "endpoints", ServiceJobs.of(resource, services), operatorGlobal, files.get(i));
            } else if (kind(resource).equals("PodMonitor")) {
                endpoints(resource, "podMetricsEndpoints", ServiceJobs.ofPods(resource), operatorGlobal,
                        files.get(i));
            }
        }
    }

    private void endpoints(MapNode monitor, String key, Set<String> jobs, Duration operatorGlobal, Path file) {
        Optional<ListNode> endpoints = monitor.map("spec").flatMap(spec -> spec.list(key));
        endpoints.ifPresent(list -> list.items().forEach(item -> {
            if (item instanceof MapNode endpoint) {
                Optional<Duration> own = interval(endpoint, "interval");
                sources.add(new ScrapeSource(own.orElse(operatorGlobal), jobs, own.isPresent()
                        ? endpoint.locationOf("interval") : endpoint.location(), kind(monitor) + " " + name(monitor)
                        + (own.isPresent() ? "" : " (no interval: the Prometheus resource's)"), file, List.of()));
            }
        }));
    }

    /** A plain Prometheus deployed with its prometheus.yml in a ConfigMap's data. */
    private void embeddedConfigs(MapNode configMap, Path file) {
        configMap.map("data").ifPresent(data -> data.keys().stream().filter(CONFIG_NAMES::contains).forEach(key ->
                data.text(key).ifPresent(text -> {
                    LoadResult loaded = SpecLoader.parse(file, text);
                    if (loaded.file().isEmpty() || loaded.hasErrors()) {
                        problems.add(unreadable(data.locationOf(key), "the " + key + " of ConfigMap "
                                + name(configMap) + " does not parse"));
                        return;
                    }
                    loaded.file().get().documents().forEach(document -> {
                        if (document.root() instanceof MapNode map) {
                            relocated(map, data.locationOf(key), file, key + " of ConfigMap " + name(configMap));
                        }
                    });
                })));
    }

    /** Reads an embedded config; its sources point at the ConfigMap key, as lines inside the text would mislead. */
    private void relocated(MapNode config, Location at, Path file, String name) {
        int before = sources.size();
        prometheusConfig(config, file, name);
        for (int i = before; i < sources.size(); i++) {
            ScrapeSource read = sources.get(i);
            sources.set(i, new ScrapeSource(read.interval(), read.jobs(), at, read.what(), file, read.ruleFiles()));
        }
    }

    /** A duration under {@code key}; a written one that is not a duration is a problem, and read as absent. */
    private Optional<Duration> interval(MapNode map, String key) {
        Optional<String> text = map.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Parsed<Duration> parsed = Durations.parse(text.get());
        if (parsed instanceof Parsed.Invalid<Duration> invalid) {
            problems.add(Problem.warning(map.locationOf(key), key + " " + invalid.message() + ", so this scrape "
                    + "interval is left out of rule prometheus/rate-window-too-short", invalid.expected(), ""));
            return Optional.empty();
        }
        return parsed.asOptional().filter(duration -> !duration.isZero());
    }

    private static List<String> texts(ListNode list) {
        List<String> texts = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode scalar && !scalar.text().isBlank()) {
                texts.add(scalar.text());
            }
        }
        return texts;
    }

    static String kind(MapNode resource) {
        return resource.text("kind").orElse("");
    }

    static String name(MapNode resource) {
        return resource.map("metadata").flatMap(metadata -> metadata.text("name")).orElse("(unnamed)");
    }

    private static boolean apiGroup(MapNode resource) {
        String kind = kind(resource);
        return !(kind.equals("Prometheus") || kind.equals("ServiceMonitor") || kind.equals("PodMonitor"))
                || resource.text("apiVersion").orElse("").startsWith("monitoring.coreos.com/");
    }

    /** Labels as a map of text, for selector matching. */
    static Map<String, String> labels(Optional<MapNode> labels) {
        Map<String, String> texts = new LinkedHashMap<>();
        labels.ifPresent(map -> map.keys().forEach(key -> map.text(key).ifPresent(value -> texts.put(key, value))));
        return texts;
    }
}
