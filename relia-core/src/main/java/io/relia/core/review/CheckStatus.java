package io.relia.core.review;

import java.util.Locale;

/** The outcome of a checklist item, from the most to the least pressing. */
public enum CheckStatus {
    /** Checked, and it fails: a finding says why and how to fix it. */
    FAIL("FAIL"),
    /** Checked; it passes with a concern worth a look. */
    WARN("WARN"),
    /** Checked by an analyzer, and it passes. */
    PASS("PASS"),
    /** Cannot be checked from files: a person must provide the evidence named. */
    MANUAL("MANUAL"),
    /** Relia checks it from input this repository does not have; the item names what to add (a file, a server). */
    NOT_CHECKED("NOT CHECKED");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
