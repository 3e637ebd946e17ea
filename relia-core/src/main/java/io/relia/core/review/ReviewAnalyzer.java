package io.relia.core.review;

import java.util.Set;

/**
 * One part of {@code relia review}. Each capability contributes its analyzer through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.relia.core.review.ReviewAnalyzer}), so adding a
 * section touches no other analyzer. An analyzer reads the inventory, never prints, and returns a section.
 */
public interface ReviewAnalyzer {

    /** Stable ID ({@code slo}, {@code audit}); sections are ordered by {@link #order()}, then by ID. */
    String id();

    /**
     * The checklist items this analyzer decides. Every item has at most one owner among the installed analyzers
     * (the review refuses to start otherwise), and an analyzer gives at most one verdict per item it owns.
     */
    Set<ChecklistItem> decides();

    /** Position of the section in the report; lower comes first. */
    default int order() {
        return 100;
    }

    /**
     * Analyses the service. Must not throw for bad input: bad input becomes problems or findings in the section.
     */
    ReviewSection analyze(ReviewContext context);
}
