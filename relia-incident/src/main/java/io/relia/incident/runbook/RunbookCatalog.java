package io.relia.incident.runbook;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.markdown.MarkdownRunbookReader;
import io.relia.core.spec.Suggestions;
import io.relia.incident.IncidentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runbooks under a directory, looked up by name or file stem, and matched to alerts, in this order: the alert's
 * name in a runbook's {@code alerts}; a runbook named like the alert ({@code HighCpuUsage} = {@code High CPU
 * Usage}); the alert's {@code runbook_url} or {@code runbook} annotation naming the runbook's file; a runbook's
 * {@code labels} all matching the alert's. relia audit's runbook coverage uses the same rules.
 */
public final class RunbookCatalog {

    /** Bound on files read from one directory tree. */
    static final int MAX_FILES = 10_000;

    /** A runbook found for an alert and the rule that matched it, for display ("alert name", "labels"…). */
    public record AlertMatch(Runbook runbook, String rule) {
    }

    private final Path directory;
    private final List<Runbook> runbooks;
    private final List<Problem> problems;

    private RunbookCatalog(Path directory, List<Runbook> runbooks, List<Problem> problems) {
        this.directory = directory;
        this.runbooks = List.copyOf(runbooks);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads every {@code *.yaml}/{@code *.yml} and Markdown runbook ({@code *.md}) under {@code directory}; Markdown
     * that is no runbook (section index pages, templates, guides) is skipped.
     */
    public static RunbookCatalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IncidentException("runbook directory " + directory + " does not exist");
        }
        List<Runbook> runbooks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(RunbookCatalog::isRunbookFile).sorted()
                    .limit(MAX_FILES).toList()) {
                RunbookFile.Loaded loaded = RunbookFile.load(file);
                problems.addAll(loaded.problems());
                loaded.runbook().ifPresent(runbooks::add);
            }
        } catch (IOException | UncheckedIOException unreadable) {
            throw new IncidentException("cannot read the runbook directory " + directory + ": "
                    + unreadable.getMessage());
        }
        runbooks.sort(Comparator.comparing(Runbook::name, String.CASE_INSENSITIVE_ORDER));
        problems.addAll(sameNames(runbooks));
        return new RunbookCatalog(directory, runbooks, problems);
    }

    /** Two runbooks answering to the same name make lookups by that name ambiguous. */
    private static List<Problem> sameNames(List<Runbook> runbooks) {
        Map<String, Runbook> seen = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Runbook runbook : runbooks) {
            for (String name : Stream.of(runbook.name(), runbook.stem()).map(text -> text.toLowerCase(Locale.ROOT))
                    .distinct().toList()) {
                Runbook other = seen.putIfAbsent(name, runbook);
                if (other != null && other != runbook) {
                    problems.add(Problem.warning(Location.wholeFile(runbook.file()), "\"" + name + "\" also names "
                            + other.file() + "; lookups by this name find that one", "a unique name and file name "
                            + "per runbook", "rename one of them"));
                }
            }
        }
        return problems;
    }

    /** {@code HighCpuUsage} = {@code high-cpu-usage} = {@code High CPU Usage}, as relia audit compares them. */
    private static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean isRunbookFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || MarkdownRunbookReader.isMarkdown(file);
    }

    /** The valid runbooks, sorted by name. */
    public List<Runbook> runbooks() {
        return runbooks;
    }

    /** Problems in the files that look like runbooks but are not valid ones. */
    public List<Problem> problems() {
        return problems;
    }

    /** The runbook called {@code name} (its title or file stem, any case), or an error listing what there is. */
    public Runbook named(String name) {
        String key = name.strip();
        for (Runbook runbook : runbooks) {
            if (runbook.name().equalsIgnoreCase(key) || runbook.stem().equalsIgnoreCase(key)
                    || runbook.file().equals(Path.of(key)) || runbook.file().endsWith(key)) {
                return runbook;
            }
        }
        List<String> names = runbooks.stream().map(Runbook::stem).toList();
        String hint = Suggestions.closest(key, names).map(close -> " Did you mean " + close + "?").orElse("");
        throw new IncidentException("no runbook named \"" + name + "\" under " + directory + "."
                + hint + (names.isEmpty() ? " There are none." : " Runbooks: " + String.join(", ", names)));
    }

    /** The runbook for an alert, with the rule that matched; the alert name rule wins over the others. */
    public Optional<AlertMatch> forAlert(String alertName, Map<String, String> labels,
                                         Map<String, String> annotations) {
        for (Runbook runbook : runbooks) {
            if (runbook.alerts().stream().anyMatch(alert -> alert.equals(alertName))) {
                return Optional.of(new AlertMatch(runbook, "alert name " + alertName + " in its alerts list"));
            }
        }
        String loose = loose(alertName);
        for (Runbook runbook : runbooks) {
            if (loose(runbook.name()).equals(loose) || loose(runbook.stem()).equals(loose)) {
                return Optional.of(new AlertMatch(runbook, "runbook named like the alert (" + alertName + ")"));
            }
        }
        for (String annotation : List.of("runbook_url", "runbook")) {
            String link = annotations.getOrDefault(annotation, "").strip();
            if (link.isEmpty()) {
                continue;
            }
            String last = link.replaceAll("[?#].*$", "").replaceAll("/+$", "");
            last = last.substring(last.lastIndexOf('/') + 1);
            for (Runbook runbook : runbooks) {
                String file = runbook.file().getFileName().toString();
                // Case-insensitive: site generators lower-case paths (runbooks.prometheus-operator.dev/.../targetdown
                // is TargetDown.md).
                if (last.equalsIgnoreCase(file) || last.equalsIgnoreCase(runbook.stem())) {
                    return Optional.of(new AlertMatch(runbook, annotation + " annotation " + link));
                }
            }
        }
        for (Runbook runbook : runbooks) {
            if (!runbook.labels().isEmpty() && runbook.labels().entrySet().stream()
                    .allMatch(label -> label.getValue().equals(labels.get(label.getKey())))) {
                return Optional.of(new AlertMatch(runbook, "labels " + runbook.labels()));
            }
        }
        return Optional.empty();
    }
}
