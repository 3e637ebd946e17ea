package io.relia.core;

import java.util.Objects;

/**
 * A reliability risk found in a service: which rule, how severe, where, and how to fix it.
 *
 * @param ruleId   stable rule ID ({@code java/http-client-no-timeout})
 * @param severity how much it threatens production
 * @param message  what is wrong here, one sentence
 * @param location where it is
 * @param fix      how to fix it, or empty
 */
public record Finding(String ruleId, Severity severity, String message, Location location, String fix)
        implements Comparable<Finding> {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        fix = fix == null ? "" : fix;
    }

    /** Most severe first, then by place. */
    @Override
    public int compareTo(Finding other) {
        int bySeverity = severity.compareTo(other.severity);
        if (bySeverity != 0) {
            return bySeverity;
        }
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : ruleId.compareTo(other.ruleId);
    }
}
