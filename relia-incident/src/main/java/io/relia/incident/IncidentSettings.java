package io.relia.incident;

import io.relia.incident.intake.IntakeRules;
import io.relia.incident.notify.NotificationTarget;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@code incidents.yaml} sets: the response policy, how alerts become incidents, who hears about
 * incident events, and the names relia serve answers to besides its own ({@code server.allowed_hosts}).
 */
public record IncidentSettings(IncidentPolicy policy, IntakeRules intake, List<NotificationTarget> notifications,
                               List<String> allowedHosts) {

    public static final IncidentSettings DEFAULT = new IncidentSettings(IncidentPolicy.DEFAULT, IntakeRules.DEFAULT,
            List.of());

    public IncidentSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(intake, "intake");
        notifications = List.copyOf(notifications);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Settings without a {@code server} section. */
    public IncidentSettings(IncidentPolicy policy, IntakeRules intake, List<NotificationTarget> notifications) {
        this(policy, intake, notifications, List.of());
    }
}
