package io.relia.incident;

import io.relia.incident.intake.IntakeRules;
import io.relia.incident.notify.NotificationTarget;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@code incidents.yaml} sets: the response policy, how alerts become incidents, and who hears about
 * incident events.
 */
public record IncidentSettings(IncidentPolicy policy, IntakeRules intake, List<NotificationTarget> notifications) {

    public static final IncidentSettings DEFAULT = new IncidentSettings(IncidentPolicy.DEFAULT, IntakeRules.DEFAULT,
            List.of());

    public IncidentSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(intake, "intake");
        notifications = List.copyOf(notifications);
    }
}
