package io.relia.incident.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An alert as the store keeps it, linked to one incident: its identity, last known state, and how often it was
 * received (senders repeat firing alerts until they resolve).
 */
public record AlertRecord(long id, long incidentId, AlertEvent.Source source, String key, boolean firing,
                          String alertname, String groupKey, Map<String, String> labels,
                          Map<String, String> annotations, String generatorUrl, Optional<Instant> startsAt,
                          Optional<Instant> endsAt, Instant firstReceived, Instant lastReceived, long receiveCount) {

    public AlertRecord {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }
}
