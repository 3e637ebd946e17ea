package io.relia.incident;

import java.util.Locale;

/** The stage of the response, in the order of the seeds' workflow: detection → triage → mitigation → resolution →
 * post-incident. Derived from an incident's timestamps and status, never stored on its own. */
public enum Phase {
    DETECTION, TRIAGE, MITIGATION, RESOLUTION, POST_INCIDENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
