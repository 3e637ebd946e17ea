package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a review: what was found, each section, and the merged checklist.
 *
 * @param inventory the inputs discovered
 * @param sections  each analyzer's section, in report order
 * @param checklist     one entry per checklist item, in the seed's order
 * @param inputFindings input errors in files no checklist item rests on, as findings
 * @param date          the day of the review
 */
public record ReviewResult(ServiceInventory inventory, List<ReviewSection> sections, List<ChecklistEntry> checklist,
                           List<Finding> inputFindings, LocalDate date) {

    public ReviewResult {
        sections = List.copyOf(sections);
        checklist = List.copyOf(checklist);
        inputFindings = List.copyOf(inputFindings);
    }

    /**
     * Every finding of the review, most severe first, each once: the union of every section's findings, the
     * checklist's (input errors included) and the input errors no item rests on. Every format lists exactly these.
     */
    public List<Finding> findings() {
        java.util.Set<Finding> all = new java.util.LinkedHashSet<>(inputFindings);
        sections.forEach(section -> all.addAll(section.findings()));
        checklist.forEach(entry -> all.addAll(entry.findings()));
        return all.stream().sorted().toList();
    }

    /** Files that could not be read or validated (each once, sorted): the review's verdicts miss what they hold. */
    public List<String> unreadableFiles() {
        return problems().stream().filter(Problem::isError).map(problem -> problem.location().file()).distinct()
                .sorted().toList();
    }

    /** Input problems: unreadable files and problems the sections met, each once, sorted; notes left out. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(inventory.problems());
        sections.forEach(section -> all.addAll(section.problems()));
        // Notes say how an input was read (relia validate shows them): no problem of the review.
        return all.stream().filter(problem -> !problem.isNote()).distinct().sorted().toList();
    }

    public long count(CheckStatus status) {
        return checklist.stream().filter(entry -> entry.status() == status).count();
    }

    /** The most severe finding's severity, if any (for {@code --fail-on}). */
    public Optional<Severity> worstSeverity() {
        return findings().stream().map(Finding::severity).min(Enum::compareTo);
    }
}
