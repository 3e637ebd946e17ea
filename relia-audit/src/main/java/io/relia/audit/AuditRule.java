package io.relia.audit;

import io.relia.core.Severity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of the audit catalogue: a stable ID, what it detects, why that hurts in production, how to fix it, and
 * how sure its findings are. The catalogue in docs/audit.md and the SARIF rule metadata are generated from these.
 *
 * @param id        stable ID, {@code <area>/<name>} in lower-case kebab ({@code java/http-client-no-timeout})
 * @param title     a short name for lists ("HTTP client without timeouts")
 * @param severity  default severity
 * @param detects   what it flags, one or two sentences
 * @param why       why it matters in production
 * @param before    a short snippet that it flags
 * @param after     the same snippet fixed
 * @param precision how often a finding is a real problem (SARIF {@code precision})
 * @param tags      extra SARIF tags ({@code timeout}, {@code kubernetes}, ...); "reliability" is always added
 */
public record AuditRule(String id, String title, Severity severity, String detects, String why, String before,
                        String after, Precision precision, List<String> tags) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*");

    /** SARIF's precision levels, which GitHub code scanning sorts alerts by. */
    public enum Precision {
        VERY_HIGH, HIGH, MEDIUM, LOW;

        /** As SARIF writes it: {@code very-high}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public AuditRule {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule IDs are <area>/<name> in lower-case kebab: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detects, "detects");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(precision, "precision");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        tags = List.copyOf(tags);
    }

    /** The area before the slash: {@code java}, {@code k8s}, {@code spring}, {@code prometheus}, {@code runbook}. */
    public String area() {
        return id.substring(0, id.indexOf('/'));
    }
}
