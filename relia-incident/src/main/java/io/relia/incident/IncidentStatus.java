package io.relia.incident;

import java.util.Locale;

/**
 * Where the response stands: investigating (cause unknown), identified (cause known, fixing), monitoring (mitigated,
 * watching), resolved (impact over), closed (postmortem done or not needed; no more changes but a reopen).
 */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED;

    /** True while responders are still working on it. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** Lower-case name as the CLI and API print it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a status name in any case; throws {@link IncidentException} for anything else. */
    public static IncidentStatus parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IncidentException("unknown status \"" + text
                    + "\"; expected investigating, identified, monitoring, resolved or closed");
        }
    }
}
