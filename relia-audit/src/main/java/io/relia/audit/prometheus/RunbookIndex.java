package io.relia.audit.prometheus;

import io.relia.core.Location;
import io.relia.core.markdown.MarkdownRunbook;
import io.relia.core.markdown.MarkdownRunbookReader;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The runbooks of a service and the alerts they answer to: a runbook's {@code name}, its file name and its
 * {@code alerts} list, compared loosely ({@code HighCpuUsage} = {@code high-cpu-usage} = {@code High CPU Usage}),
 * or its {@code labels} all found on the alert (as {@code relia runbook for} matches them). A Markdown runbook
 * answers to its alert (front matter or file stem) and its title.
 * Same matching as the review's alert table, so the two never disagree.
 */
final class RunbookIndex {

    /**
     * One runbook and the names it answers to.
     *
     * @param name  how to call it in a message: its name, alert or file stem
     * @param where where it names itself (its {@code name:} key, a Markdown runbook's alert or title), else its file
     * @param keys  its names, alerts and file stem, {@link #normalise normalised}
     */
    record Entry(String name, Location where, String stem, Set<String> keys, List<Map<String, String>> labelSets) {
    }

    private final Set<String> keys = new HashSet<>();
    private final Set<String> stems = new HashSet<>();
    /** Each runbook's {@code labels}: it answers an alert whose labels include all of them. */
    private final List<Map<String, String>> labelSets = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Path root;

    private RunbookIndex(Path root) {
        this.root = root;
    }

    static RunbookIndex of(ServiceInventory inventory) {
        RunbookIndex index = new RunbookIndex(inventory.root());
        for (DiscoveredInput input : inventory.ofKind(InputKind.RUNBOOK)) {
            Set<String> names = new HashSet<>();
            List<Map<String, String>> sets = new ArrayList<>();
            String shown = stem(input.path());
            Location where = Location.of(input.path(), 1, 1);
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode runbook) {
                    if (runbook.text("name").isPresent()) {
                        shown = runbook.text("name").get();
                        where = runbook.locationOf("name");
                        names.add(normalise(shown));
                    }
                    runbook.map("labels").filter(labels -> !labels.keys().isEmpty()).ifPresent(labels -> {
                        Map<String, String> set = new HashMap<>();
                        labels.keys().forEach(key -> set.put(key, labels.text(key).orElse("")));
                        sets.add(set);
                    });
                    runbook.list("alerts").ifPresent(list -> list.items().forEach(item -> {
                        if (item instanceof ScalarNode scalar) {
                            names.add(normalise(scalar.text()));
                        }
                    }));
                }
            }
            index.add(new Entry(shown, where, stem(input.path()), names, sets));
        }
        for (DiscoveredInput input : inventory.ofKind(InputKind.RUNBOOK_DOCUMENT)) {
            Set<String> names = new HashSet<>();
            String shown = stem(input.path());
            Location where = Location.of(input.path(), 1, 1);
            Optional<MarkdownRunbook> markdown = MarkdownRunbookReader.read(input.path()).runbook();
            if (markdown.isPresent()) {
                shown = markdown.get().alert();
                where = markdown.get().alertAt();
                names.add(normalise(markdown.get().alert()));
                names.add(normalise(markdown.get().title()));
            }
            index.add(new Entry(shown, where, stem(input.path()), names, List.of()));
        }
        return index;
    }

    private void add(Entry entry) {
        Set<String> names = new HashSet<>(entry.keys());
        names.add(normalise(entry.stem()));
        Entry complete = new Entry(entry.name(), entry.where(), entry.stem(), Set.copyOf(names),
                List.copyOf(entry.labelSets()));
        entries.add(complete);
        stems.add(entry.stem());
        keys.addAll(complete.keys());
        labelSets.addAll(complete.labelSets());
    }

    /** An alert as runbooks are matched to it: its name, labels and runbook link. */
    record AlertRef(String name, Map<String, String> labels, Optional<String> link) {
    }

    /**
     * The runbooks no alert of {@code alerts} leads to: none has its name, labels, or a runbook link naming its
     * file. A runbook for an alert that was renamed or removed, or for an alert kept elsewhere.
     */
    List<Entry> answeringNone(List<AlertRef> alerts) {
        return entries.stream().filter(entry -> alerts.stream().noneMatch(alert -> answers(entry, alert))).toList();
    }

    private static boolean answers(Entry entry, AlertRef alert) {
        if (entry.keys().contains(normalise(alert.name()))) {
            return true;
        }
        Map<String, String> withName = new HashMap<>(alert.labels());
        withName.putIfAbsent("alertname", alert.name());
        if (entry.labelSets().stream().anyMatch(set -> set.entrySet().stream()
                .allMatch(label -> label.getValue().equals(withName.get(label.getKey()))))) {
            return true;
        }
        return alert.link().filter(link -> !entry.stem().isEmpty() && link.contains(entry.stem())).isPresent();
    }

    /**
     * True when a runbook answers {@code alert}: by name, or through a link that is a URL, names a runbook file
     * of the service, or resolves to an existing file next to {@code ruleFile} or under the service root.
     */
    boolean covers(String alert, Optional<String> link, Path ruleFile, Map<String, String> labels) {
        if (keys.contains(normalise(alert))) {
            return true;
        }
        Map<String, String> withName = new HashMap<>(labels);
        withName.putIfAbsent("alertname", alert);
        if (labelSets.stream().anyMatch(set -> set.entrySet().stream()
                .allMatch(label -> label.getValue().equals(withName.get(label.getKey()))))) {
            return true;
        }
        if (link.isEmpty()) {
            return false;
        }
        String url = link.get().trim();
        if (url.contains("://") || stems.stream().anyMatch(url::contains)) {
            return true;
        }
        try {
            return Files.exists(ruleFile.resolveSibling(url)) || Files.exists(root.resolve(url));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
