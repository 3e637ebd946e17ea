package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.report.Document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One analyzer's part of the review: its verdicts on checklist items, every finding it reports, the input problems
 * it met, and blocks of its own for the report (an SLO table, an alert list).
 *
 * @param id       the analyzer's ID
 * @param title    section title
 * @param verdicts verdicts on checklist items, possibly none
 * @param findings every finding of the section: those behind its verdicts and those no item is about (an image
 *                 tag that moves); the review's findings are the union of every section's
 * @param problems input problems (unparseable files, invalid specs)
 * @param blocks   the section's own report content, possibly none
 * @param data     the section's JSON view (keys and values as in {@link io.relia.core.report.Report#data()})
 */
public record ReviewSection(String id, String title, List<Verdict> verdicts, List<Finding> findings,
                            List<Problem> problems, List<Document.Block> blocks, Map<String, Object> data) {

    public ReviewSection {
        verdicts = List.copyOf(verdicts);
        Set<Finding> all = new LinkedHashSet<>(findings);
        verdicts.forEach(verdict -> all.addAll(verdict.findings()));
        findings = all.stream().sorted().toList();
        problems = List.copyOf(problems);
        blocks = List.copyOf(blocks);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A section whose findings are those behind its verdicts. */
    public ReviewSection(String id, String title, List<Verdict> verdicts, List<Problem> problems,
                         List<Document.Block> blocks, Map<String, Object> data) {
        this(id, title, verdicts, List.of(), problems, blocks, data);
    }

    /** A section with nothing to say: the analyzer found none of its inputs. */
    public static ReviewSection empty(String id, String title) {
        return new ReviewSection(id, title, List.of(), List.of(), List.of(), Map.of());
    }
}
