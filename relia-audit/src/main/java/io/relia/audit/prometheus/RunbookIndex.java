package io.relia.audit.prometheus;

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
 * or its {@code labels} all found on the alert (as {@code relia runbook for} matches them).
 * Same matching as the review's alert table, so the two never disagree.
 */
final class RunbookIndex {

    private final Set<String> keys = new HashSet<>();
    private final Set<String> stems = new HashSet<>();
    /** Each runbook's {@code labels}: it answers an alert whose labels include all of them. */
    private final List<Map<String, String>> labelSets = new ArrayList<>();
    private final Path root;

    private RunbookIndex(Path root) {
        this.root = root;
    }

    static RunbookIndex of(ServiceInventory inventory) {
        RunbookIndex index = new RunbookIndex(inventory.root());
        for (DiscoveredInput input : inventory.ofKind(InputKind.RUNBOOK)) {
            index.addStem(input.path());
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode runbook) {
                    runbook.text("name").ifPresent(name -> index.keys.add(normalise(name)));
                    runbook.map("labels").filter(labels -> !labels.keys().isEmpty()).ifPresent(labels -> {
                        Map<String, String> set = new HashMap<>();
                        labels.keys().forEach(key -> set.put(key, labels.text(key).orElse("")));
                        index.labelSets.add(set);
                    });
                    runbook.list("alerts").ifPresent(list -> list.items().forEach(item -> {
                        if (item instanceof ScalarNode scalar) {
                            index.keys.add(normalise(scalar.text()));
                        }
                    }));
                }
            }
        }
        inventory.ofKind(InputKind.RUNBOOK_DOCUMENT).forEach(input -> index.addStem(input.path()));
        return index;
    }

    private void addStem(Path file) {
        String stem = stem(file);
        stems.add(stem);
        keys.add(normalise(stem));
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
