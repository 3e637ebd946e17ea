package io.relia.incident;

import java.util.List;

/**
 * A write refused because the record would break {@link IncidentRules}: every broken rule of the request at once,
 * joined into the message (exit code 2 on the command line, 400 from the API).
 */
public class RuleViolationException extends IncidentException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleViolation> violations;

    public RuleViolationException(List<RuleViolation> violations) {
        super(String.join("; ", violations.stream().map(RuleViolation::message).toList()));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one broken rule");
        }
        this.violations = List.copyOf(violations);
    }

    /** The broken rules, in the order the fields are checked. */
    public List<RuleViolation> violations() {
        return violations;
    }
}
