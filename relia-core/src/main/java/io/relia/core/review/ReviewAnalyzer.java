package io.relia.core.review;

/**
 * One part of {@code relia review}. Each capability contributes its analyzer through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.relia.core.review.ReviewAnalyzer}), so adding a
 * section touches no other analyzer. An analyzer reads the inventory, never prints, and returns a section.
 */
public interface ReviewAnalyzer {

    /** Stable ID ({@code slo}, {@code audit}); sections are ordered by {@link #order()}, then by ID. */
    String id();

    /** Position of the section in the report; lower comes first. */
    default int order() {
        return 100;
    }

    /**
     * Analyses the service. Must not throw for bad input: bad input becomes problems or findings in the section.
     */
    ReviewSection analyze(ReviewContext context);
}
