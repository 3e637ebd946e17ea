package io.relia.audit;

/**
 * A finding hidden by an inline {@code relia:ignore} comment.
 *
 * @param finding the finding
 * @param reason  the justification written after {@code --} in the comment
 */
public record SuppressedFinding(AuditFinding finding, String reason) {
}
