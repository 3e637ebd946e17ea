package io.relia.audit.prometheus;

import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.core.value.Durations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scrape interval rule files are evaluated against: {@code global.scrape_interval} of a {@code prometheus.yml}
 * in the service's tree, else Prometheus' own default of 1m.
 */
final class ScrapeInterval {

    static final Duration DEFAULT = Duration.ofMinutes(1);
    private static final Set<String> NAMES = Set.of("prometheus.yml", "prometheus.yaml");
    private static final int MAX_DEPTH = 6;

    private ScrapeInterval() {
    }

    static Duration of(Path root) {
        try (Stream<Path> files = Files.find(root, MAX_DEPTH, (path, attributes) -> attributes.isRegularFile()
                && NAMES.contains(String.valueOf(path.getFileName())) && !skipped(root.relativize(path)))) {
            List<Path> configs = files.sorted().toList();
            for (Path config : configs) {
                Optional<Duration> interval = read(config);
                if (interval.isPresent()) {
                    return interval.get();
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return DEFAULT;
        }
        return DEFAULT;
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

    private static Optional<Duration> read(Path config) {
        LoadResult loaded = SpecLoader.load(config);
        return loaded.file().stream().flatMap(file -> file.documents().stream()).map(SpecDocument::root)
                .flatMap(root -> root instanceof MapNode map ? map.map("global").stream() : Stream.empty())
                .flatMap(global -> global.text("scrape_interval").stream())
                .flatMap(text -> Durations.parse(text).asOptional().stream())
                .filter(duration -> !duration.isZero())
                .findFirst();
    }
}
