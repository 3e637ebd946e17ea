package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs a production readiness review: discovers the inputs, runs every {@link ReviewAnalyzer} on the class path,
 * and puts their verdicts into the checklist. Each item has one owner (the analyzer that {@link
 * ReviewAnalyzer#decides() decides} it); items nobody decided keep their {@link ChecklistItem#fallback()}. Never a
 * pass without a check, and never a verdict from a partial read: an item whose inputs include a file that could not
 * be read or validated fails, naming every problem of that file ({@link InputErrors}).
 */
public final class Review {

    private final List<ReviewAnalyzer> analyzers;
    private final Map<ChecklistItem, ReviewAnalyzer> owners;
    private final Clock clock;

    /**
     * @throws IllegalStateException when two analyzers claim the same checklist item (a packaging bug)
     */
    public Review(List<ReviewAnalyzer> analyzers, Clock clock) {
        this.analyzers = analyzers.stream()
                .sorted(Comparator.comparingInt(ReviewAnalyzer::order).thenComparing(ReviewAnalyzer::id)).toList();
        this.owners = owners(this.analyzers);
        this.clock = clock;
    }

    /** A review with every analyzer registered through {@link ServiceLoader}. */
    public static Review withInstalledAnalyzers(Clock clock) {
        List<ReviewAnalyzer> found = new ArrayList<>();
        ServiceLoader.load(ReviewAnalyzer.class).forEach(found::add);
        return new Review(found, clock);
    }

    public List<ReviewAnalyzer> analyzers() {
        return analyzers;
    }

    /** The analyzer that decides each item; items without one are absent (they keep their fallback). */
    public Map<ChecklistItem, ReviewAnalyzer> owners() {
        return owners;
    }

    private static Map<ChecklistItem, ReviewAnalyzer> owners(List<ReviewAnalyzer> analyzers) {
        Map<ChecklistItem, ReviewAnalyzer> owners = new EnumMap<>(ChecklistItem.class);
        for (ReviewAnalyzer analyzer : analyzers) {
            for (ChecklistItem item : analyzer.decides()) {
                ReviewAnalyzer other = owners.putIfAbsent(item, analyzer);
                if (other != null) {
                    throw new IllegalStateException("checklist item " + item.id() + " is decided by both "
                            + other.id() + " and " + analyzer.id() + "; exactly one analyzer may decide an item");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(owners);
    }

    public ReviewResult run(Path directory) {
        return run(directory, List.of());
    }

    /**
     * Reviews {@code directory}, walking the folders named in {@code includes} although their names ({@code dist},
     * {@code build}) are skipped by default.
     */
    public ReviewResult run(Path directory, List<String> includes) {
        ServiceInventory inventory = InputDiscovery.scan(directory, List.of(), includes);
        ReviewContext context = new ReviewContext(inventory, clock);
        List<ReviewSection> sections = new ArrayList<>();
        for (ReviewAnalyzer analyzer : analyzers) {
            sections.add(runOne(analyzer, context));
        }
        InputErrors errors = InputErrors.of(inventory, sections, owners);
        return new ReviewResult(inventory, sections, checklist(sections, errors), errors.unattributed(),
                context.today());
    }

    /**
     * An analyzer bug must not take the whole review down: it becomes a located problem in its section (which
     * fails the items it decides). So does a verdict on an item it does not own, or two verdicts on one item.
     */
    private static ReviewSection runOne(ReviewAnalyzer analyzer, ReviewContext context) {
        try {
            ReviewSection section = analyzer.analyze(context);
            List<ChecklistItem> judged = section.verdicts().stream().map(Verdict::item).toList();
            for (ChecklistItem item : judged) {
                if (!analyzer.decides().contains(item)) {
                    throw new IllegalStateException("a verdict on " + item.id() + ", which it does not decide");
                }
            }
            if (judged.stream().distinct().count() < judged.size()) {
                throw new IllegalStateException("several verdicts on one item: " + judged);
            }
            return section;
        } catch (RuntimeException | LinkageError | StackOverflowError bug) {
            Problem problem = Problem.error(Location.wholeFile(context.inventory().root()),
                    "the " + analyzer.id() + " analyzer failed: " + bug, "",
                    "this is a bug in Relia; please report it with the input that caused it");
            return new ReviewSection(analyzer.id(), analyzer.id(), List.of(), List.of(problem), List.of(), Map.of());
        }
    }

    private static List<ChecklistEntry> checklist(List<ReviewSection> sections, InputErrors errors) {
        Map<ChecklistItem, Verdict> byItem = new EnumMap<>(ChecklistItem.class);
        Map<ChecklistItem, String> deciders = new EnumMap<>(ChecklistItem.class);
        for (ReviewSection section : sections) {
            for (Verdict verdict : section.verdicts()) {
                byItem.put(verdict.item(), verdict);
                deciders.put(verdict.item(), section.id());
            }
        }
        List<ChecklistEntry> entries = new ArrayList<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            Verdict verdict = byItem.get(item);
            List<Problem> broken = errors.of(item);
            List<String> checkedBy = deciders.containsKey(item) ? List.of(deciders.get(item)) : List.of();
            if (!broken.isEmpty()) {
                entries.add(partialRead(item, verdict, broken, checkedBy));
            } else if (verdict != null) {
                entries.add(new ChecklistEntry(item, verdict.status(), verdict.summary(), verdict.evidence(),
                        verdict.findings().stream().sorted().toList(), checkedBy));
            } else {
                ChecklistItem.Fallback fallback = item.fallback();
                entries.add(new ChecklistEntry(item, fallback.status(), fallback.explanation(), List.of(), List.of(),
                        List.of()));
            }
        }
        return entries;
    }

    /**
     * An item whose inputs could not all be read: FAIL, whatever the analyzer made of the rest, with every problem
     * as a finding; what the analyzer said stays as evidence ("from the inputs that could be read: ...").
     */
    private static ChecklistEntry partialRead(ChecklistItem item, Verdict verdict, List<Problem> broken,
                                              List<String> checkedBy) {
        List<String> files = broken.stream().map(problem -> problem.location().file()).distinct().toList();
        String summary = files.size() == 1 ? files.getFirst() + " could not be read or validated"
                : files.size() + " input files could not be read or validated";
        List<String> evidence = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(broken.stream().map(Finding::inputInvalid).toList());
        if (verdict != null) {
            evidence.add("from the inputs that could be read: " + verdict.status().label() + ", "
                    + verdict.summary());
            evidence.addAll(verdict.evidence());
            findings.addAll(verdict.findings());
        }
        return new ChecklistEntry(item, CheckStatus.FAIL, summary, evidence,
                findings.stream().distinct().sorted().toList(), checkedBy);
    }
}
