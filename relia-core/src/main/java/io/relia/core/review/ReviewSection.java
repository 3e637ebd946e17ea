package io.relia.core.review;

import io.relia.core.Problem;
import io.relia.core.report.Document;

import java.util.List;

/**
 * One analyzer's part of the review: its verdicts on checklist items, the input problems it met, and blocks of
 * its own for the report (an SLO table, an alert list).
 *
 * @param id       the analyzer's ID
 * @param title    section title
 * @param verdicts verdicts on checklist items, possibly none
 * @param problems input problems (unparseable files, invalid specs)
 * @param blocks   the section's own report content, possibly none
 * @param data     the section's JSON view (keys and values as in {@link io.relia.core.report.Report#data()})
 */
public record ReviewSection(String id, String title, List<Verdict> verdicts, List<Problem> problems,
                           List<Document.Block> blocks, java.util.Map<String, Object> data) {

    public ReviewSection {
        verdicts = List.copyOf(verdicts);
        problems = List.copyOf(problems);
        blocks = List.copyOf(blocks);
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** A section with nothing to say: the analyzer found none of its inputs. */
    public static ReviewSection empty(String id, String title) {
        return new ReviewSection(id, title, List.of(), List.of(), List.of(), java.util.Map.of());
    }
}
