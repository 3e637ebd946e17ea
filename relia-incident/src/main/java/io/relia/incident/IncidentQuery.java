package io.relia.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * Which incidents to list: open ones only or all, by status, severity, service, and declared since; newest first,
 * at most {@code limit}.
 */
public record IncidentQuery(boolean openOnly, Optional<IncidentStatus> status, Optional<IncidentSeverity> severity,
                            Optional<String> service, Optional<Instant> since, int limit) {

    /** Every incident, newest first, up to a bound that keeps a list readable. */
    public static final IncidentQuery ALL = new IncidentQuery(false, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Integer.MAX_VALUE);

    public IncidentQuery {
        if (limit <= 0) {
            throw new IncidentException("the limit must be positive");
        }
    }

    public IncidentQuery openOnly(boolean open) {
        return new IncidentQuery(open, status, severity, service, since, limit);
    }

    public IncidentQuery withStatus(IncidentStatus value) {
        return new IncidentQuery(openOnly, Optional.of(value), severity, service, since, limit);
    }

    public IncidentQuery withSeverity(IncidentSeverity value) {
        return new IncidentQuery(openOnly, status, Optional.of(value), service, since, limit);
    }

    public IncidentQuery withService(String value) {
        return new IncidentQuery(openOnly, status, severity, Optional.of(value), since, limit);
    }

    public IncidentQuery since(Instant value) {
        return new IncidentQuery(openOnly, status, severity, service, Optional.of(value), limit);
    }

    public IncidentQuery limit(int value) {
        return new IncidentQuery(openOnly, status, severity, service, since, value);
    }
}
