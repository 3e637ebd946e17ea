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
 * and merges their verdicts into the checklist. Items no analyzer decided keep their {@link ChecklistItem#fallback()}:
 * manual, or "not checked yet" naming the capability that will check them. Never a pass without a check.
 */
public final class Review {

    private final List<ReviewAnalyzer> analyzers;
    private final Clock clock;

    public Review(List<ReviewAnalyzer> analyzers, Clock clock) {
        this.analyzers = analyzers.stream()
                .sorted(Comparator.comparingInt(ReviewAnalyzer::order).thenComparing(ReviewAnalyzer::id)).toList();
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

    public ReviewResult run(Path directory) {
        ServiceInventory inventory = InputDiscovery.scan(directory);
        ReviewContext context = new ReviewContext(inventory, clock);
        List<ReviewSection> sections = new ArrayList<>();
        for (ReviewAnalyzer analyzer : analyzers) {
            sections.add(runOne(analyzer, context));
        }
        return new ReviewResult(inventory, sections, checklist(sections), context.today());
    }

    /** An analyzer bug must not take the whole review down: it becomes a located problem in its section. */
    private static ReviewSection runOne(ReviewAnalyzer analyzer, ReviewContext context) {
        try {
            return analyzer.analyze(context);
        } catch (RuntimeException | LinkageError | StackOverflowError bug) {
            Problem problem = Problem.error(Location.wholeFile(context.inventory().root()),
                    "the " + analyzer.id() + " analyzer failed: " + bug, "",
                    "this is a bug in Relia; please report it with the input that caused it");
            return new ReviewSection(analyzer.id(), analyzer.id(), List.of(), List.of(problem), List.of(), Map.of());
        }
    }

    private static List<ChecklistEntry> checklist(List<ReviewSection> sections) {
        Map<ChecklistItem, List<Verdict>> byItem = new EnumMap<>(ChecklistItem.class);
        Map<ChecklistItem, List<String>> deciders = new EnumMap<>(ChecklistItem.class);
        for (ReviewSection section : sections) {
            for (Verdict verdict : section.verdicts()) {
                byItem.computeIfAbsent(verdict.item(), ignored -> new ArrayList<>()).add(verdict);
                deciders.computeIfAbsent(verdict.item(), ignored -> new ArrayList<>()).add(section.id());
            }
        }
        List<ChecklistEntry> entries = new ArrayList<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            List<Verdict> verdicts = byItem.getOrDefault(item, List.of());
            if (verdicts.isEmpty()) {
                ChecklistItem.Fallback fallback = item.fallback();
                entries.add(new ChecklistEntry(item, fallback.status(), fallback.explanation(), List.of(), List.of(),
                        List.of()));
                continue;
            }
            entries.add(merge(item, verdicts, deciders.get(item)));
        }
        return entries;
    }

    /** Several analyzers on one item: the most pressing status wins; evidence and findings add up. */
    private static ChecklistEntry merge(ChecklistItem item, List<Verdict> verdicts, List<String> deciders) {
        Verdict lead = verdicts.stream().min(Comparator.comparing(Verdict::status)).orElseThrow();
        List<String> evidence = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict != lead && !verdict.summary().isEmpty()) {
                evidence.add(verdict.summary());
            }
            evidence.addAll(verdict.evidence());
            findings.addAll(verdict.findings());
        }
        findings.sort(null);
        return new ChecklistEntry(item, lead.status(), lead.summary(), evidence, findings,
                deciders.stream().distinct().toList());
    }
}
