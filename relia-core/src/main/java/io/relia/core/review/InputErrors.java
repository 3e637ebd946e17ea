package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Problem;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The errors met reading and validating a review's inputs, attributed to the checklist items whose verdicts rest
 * on them: a problem in a file counts against every item whose {@link ChecklistItem#inputs()} include the file's
 * kind (for an unreadable file, the kind it most likely is); a problem an analyzer met in a file that is no input of
 * its kind (a CSV a capacity plan names, the service directory itself) counts against the items that analyzer
 * decides. Errors in files of no known kind stay unattributed, but are findings all the same (Low: no item rests
 * on them).
 */
final class InputErrors {

    private final Map<ChecklistItem, List<Problem>> byItem;
    private final List<Finding> unattributed;

    private InputErrors(Map<ChecklistItem, List<Problem>> byItem, List<Finding> unattributed) {
        this.byItem = byItem;
        this.unattributed = List.copyOf(unattributed);
    }

    static InputErrors of(ServiceInventory inventory, List<ReviewSection> sections,
                          Map<ChecklistItem, ReviewAnalyzer> owners) {
        Map<Path, Set<InputKind>> kindsByFile = new HashMap<>();
        for (DiscoveredInput input : inventory.inputs()) {
            input.judgedAs().ifPresent(kind -> kindsByFile.computeIfAbsent(input.path(), path -> new LinkedHashSet<>())
                    .add(kind));
            if (input.kind() == InputKind.UNREADABLE) {
                kindsByFile.putIfAbsent(input.path(), new LinkedHashSet<>());
            }
        }
        Map<ChecklistItem, Set<Problem>> byItem = new EnumMap<>(ChecklistItem.class);
        Set<Problem> unattributed = new LinkedHashSet<>();
        List<Problem> fromInventory = inventory.problems().stream().filter(Problem::isError).toList();
        for (Problem problem : fromInventory) {
            attribute(problem, itemsReading(kindsByFile.get(path(problem))), byItem, unattributed);
        }
        Map<String, Set<ChecklistItem>> decidedBy = new HashMap<>();
        owners.forEach((item, analyzer) -> decidedBy.computeIfAbsent(analyzer.id(), id -> new LinkedHashSet<>())
                .add(item));
        for (ReviewSection section : sections) {
            for (Problem problem : section.problems()) {
                if (!problem.isError() || fromInventory.contains(problem)) {
                    continue;
                }
                Set<InputKind> kinds = kindsByFile.get(path(problem));
                Set<ChecklistItem> items = kinds == null ? decidedBy.getOrDefault(section.id(), Set.of())
                        : itemsReading(kinds);
                attribute(problem, items, byItem, unattributed);
            }
        }
        Map<ChecklistItem, List<Problem>> sorted = new EnumMap<>(ChecklistItem.class);
        byItem.forEach((item, problems) -> sorted.put(item, problems.stream().sorted().toList()));
        return new InputErrors(sorted, unattributed.stream().sorted().map(inventory::inputFinding).toList());
    }

    private static void attribute(Problem problem, Set<ChecklistItem> items, Map<ChecklistItem, Set<Problem>> byItem,
                                  Set<Problem> unattributed) {
        if (items.isEmpty()) {
            unattributed.add(problem);
        }
        items.forEach(item -> byItem.computeIfAbsent(item, ignored -> new LinkedHashSet<>()).add(problem));
    }

    private static Path path(Problem problem) {
        return Path.of(problem.location().file()).normalize();
    }

    private static Set<ChecklistItem> itemsReading(Set<InputKind> kinds) {
        Set<ChecklistItem> items = new LinkedHashSet<>();
        if (kinds != null) {
            for (ChecklistItem item : ChecklistItem.values()) {
                if (item.inputs().stream().anyMatch(kinds::contains)) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /** The errors that fail {@code item}, sorted; empty when all its inputs were read. */
    List<Problem> of(ChecklistItem item) {
        return byItem.getOrDefault(item, List.of());
    }

    /** Findings of errors in files no checklist item rests on (an unreadable file of no recognisable kind). */
    List<Finding> unattributed() {
        return unattributed;
    }
}
