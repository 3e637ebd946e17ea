package io.relia.audit.prometheus;

import io.relia.core.Problem;
import io.relia.core.review.ServiceInventory;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which scrape interval a rate() in a rule file is judged against. The sources that apply to a rule file are, in
 * order: the prometheus.yml files whose {@code rule_files} name it (that is the Prometheus evaluating it); else
 * those of the nearest directory above it that holds any (a prometheus.yml listing other rule files is another
 * Prometheus, and left out). Among them, the interval of the job the rate() reads when a source names that job
 * (the shortest when several do); else the shortest of all, and the finding says so. With no source at all,
 * Prometheus' default of 1m is assumed, and the finding says that too.
 */
final class ScrapeIntervals {

    /**
     * The interval one rate() call is judged against.
     *
     * @param interval the scrape interval
     * @param reason   where it comes from, for the finding's message
     */
    record Basis(Duration interval, String reason) {
    }

    private final Path root;
    private final List<ScrapeSource> sources;
    private final List<Problem> problems;

    ScrapeIntervals(Path root, List<ScrapeSource> sources, List<Problem> problems) {
        this.root = root;
        this.sources = List.copyOf(sources);
        this.problems = List.copyOf(problems);
    }

    static ScrapeIntervals of(ServiceInventory inventory) {
        ScrapeSources.Read read = ScrapeSources.of(inventory);
        return new ScrapeIntervals(inventory.root(), read.sources(), read.problems());
    }

    /** Intervals that are written but could not be read. */
    List<Problem> problems() {
        return problems;
    }

    /** The interval a rate() in {@code ruleFile} over series of {@code jobs} (maybe none) is judged against. */
    Basis forCall(Path ruleFile, Set<String> jobs) {
        List<ScrapeSource> applicable = applicable(ruleFile);
        if (applicable.isEmpty()) {
            return new Basis(ScrapeSources.PROMETHEUS_DEFAULT, "scrape interval assumed 60 s (Prometheus' default; "
                    + "no scrape config found in the tree)");
        }
        List<ScrapeSource> matched = applicable.stream().filter(source -> jobs.stream()
                .anyMatch(source.jobs()::contains)).toList();
        if (!matched.isEmpty()) {
            ScrapeSource shortest = shortest(matched);
            String jobNames = String.join(", ", jobs.stream().filter(job -> matched.stream()
                    .anyMatch(source -> source.jobs().contains(job))).toList());
            long distinct = distinct(matched);
            return new Basis(shortest.interval(), "job " + jobNames + " is scraped every " + seconds(shortest)
                    + (distinct > 1 ? ", the shortest of its " + distinct + " intervals" : "") + " ("
                    + describe(shortest) + ")");
        }
        ScrapeSource shortest = shortest(applicable);
        long distinct = distinct(applicable);
        if (distinct == 1) {
            return new Basis(shortest.interval(), "scrape interval " + seconds(shortest) + " ("
                    + describe(shortest) + ")");
        }
        return new Basis(shortest.interval(), "scrape interval " + seconds(shortest) + ", the shortest of "
                + distinct + " found (" + describe(shortest) + "), as "
                + (jobs.isEmpty() ? "the expression names no job" : "no scrape config names job "
                + String.join(", ", jobs)));
    }

    private List<ScrapeSource> applicable(Path ruleFile) {
        List<ScrapeSource> linked = sources.stream().filter(source -> loads(source, ruleFile)).toList();
        if (!linked.isEmpty()) {
            return linked;
        }
        List<ScrapeSource> candidates = sources.stream().filter(source -> source.ruleFiles().isEmpty()).toList();
        for (Path dir = ruleFile.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path here = dir;
            List<ScrapeSource> near = candidates.stream()
                    .filter(source -> source.config().toAbsolutePath().startsWith(here)).toList();
            if (!near.isEmpty() || here.equals(root.toAbsolutePath())) {
                return near;
            }
        }
        return candidates;
    }

    /**
     * True when the source's prometheus.yml lists {@code ruleFile} in {@code rule_files} (globs relative to the
     * config's directory). An absolute glob ({@code /etc/prometheus/rules/*.yml}) names a path inside a container,
     * so only its file-name part is compared.
     */
    private static boolean loads(ScrapeSource source, Path ruleFile) {
        Path base = source.config().toAbsolutePath().getParent();
        Path file = ruleFile.toAbsolutePath().normalize();
        for (String glob : source.ruleFiles()) {
            boolean absolute = glob.startsWith("/");
            Path pattern = absolute ? Path.of(glob).getFileName() : base.resolve(glob).normalize();
            if (pattern == null) {
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + escape(pattern.toString()));
            if (matcher.matches(absolute ? file.getFileName() : file)) {
                return true;
            }
        }
        return false;
    }

    /** Prometheus globs know {@code * ? [..]}; Java's also reads braces, which Prometheus takes literally. */
    private static String escape(String glob) {
        return glob.replace("{", "\\{").replace("}", "\\}");
    }

    private static ScrapeSource shortest(List<ScrapeSource> sources) {
        return sources.stream().min(Comparator.comparing(ScrapeSource::interval)).orElseThrow();
    }

    private static long distinct(List<ScrapeSource> sources) {
        return sources.stream().map(ScrapeSource::interval).distinct().count();
    }

    private static String seconds(ScrapeSource source) {
        return text(source.interval());
    }

    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private String describe(ScrapeSource source) {
        List<String> parts = new ArrayList<>();
        parts.add(source.what());
        Path file = Path.of(source.where().file());
        String shown = file.isAbsolute() && file.startsWith(root.toAbsolutePath())
                ? root.toAbsolutePath().relativize(file).toString() : file.toString();
        parts.add(source.where().line() > 0 ? shown + ":" + source.where().line() : shown);
        return String.join(", ", parts);
    }
}
