package io.relia.server;

import io.relia.incident.Incident;
import io.relia.incident.notify.NotificationTarget;

/**
 * Where the API, the alert intake and the response-target watch report incident events after they are stored;
 * the notifier turns them into chat messages and webhooks. Publishing never blocks the caller on the network.
 */
@FunctionalInterface
public interface IncidentEvents {

    /** Nobody listening. */
    IncidentEvents NONE = (event, incident, detail) -> { };

    /**
     * Reports that {@code event} happened to {@code incident} (its stored state after the event).
     *
     * @param detail one line for people, such as "severity SEV3 → SEV2" or "alert HighErrorRate fired"
     */
    void publish(NotificationTarget.Event event, Incident incident, String detail);
}
