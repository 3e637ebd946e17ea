package io.relia.incident;

import java.util.List;
import java.util.Objects;

/**
 * One rule of {@link IncidentRules} a record breaks, for people and for API clients.
 *
 * @param field   the field to fix, as the timeline names it ({@code resolved}, {@code status}, {@code title}…)
 * @param message what is wrong, naming the field and, for times, both times
 * @param fields  every field the rule relates, {@code field} first; a change of any of them makes the rule apply
 */
public record RuleViolation(String field, String message, List<String> fields) {

    public RuleViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        fields = List.copyOf(fields);
        if (fields.isEmpty() || !fields.getFirst().equals(field)) {
            throw new IllegalArgumentException("the fields of a violation start with its field: " + fields);
        }
    }

    /** A rule about one field only. */
    static RuleViolation of(String field, String message) {
        return new RuleViolation(field, message, List.of(field));
    }
}
