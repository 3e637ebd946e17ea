package io.relia.incident;

/**
 * One field of an incident that an edit changed, with its values before and after as text ("" for none); each
 * becomes a timeline entry.
 */
public record FieldChange(String field, String before, String after) {
}
