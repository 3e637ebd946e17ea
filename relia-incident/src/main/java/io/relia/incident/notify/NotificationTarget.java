package io.relia.incident.notify;

import io.relia.incident.IncidentSeverity;

import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code relia serve} tells people about incident events: a chat tool's incoming webhook or a generic signed
 * JSON webhook. Set in the {@code notifications} list of {@code incidents.yaml}; URLs and secrets may come from the
 * environment ({@code url_env}, {@code secret_env}) because a Slack webhook URL is itself a credential.
 *
 * @param name        how the timeline and logs name it (never the URL)
 * @param kind        the payload shape
 * @param url         where to POST
 * @param secret      HMAC key of a generic webhook's signature, if any
 * @param events      which events it wants
 * @param minSeverity the least severe incidents it hears about (SEV4 = all)
 */
public record NotificationTarget(String name, Kind kind, URI url, Optional<String> secret, Set<Event> events,
                                 IncidentSeverity minSeverity) {

    /** Payload shapes. */
    public enum Kind {
        /** Slack incoming webhook JSON ({@code text} + {@code blocks}). */
        SLACK,
        /** Mattermost incoming webhook: Slack-compatible JSON ({@code text} + {@code attachments}). */
        MATTERMOST,
        /** Microsoft Teams: an Adaptive Card message for a Workflows / incoming webhook. */
        TEAMS,
        /** Relia's own JSON event, signed with HMAC-SHA256 when a secret is set. */
        WEBHOOK;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Incident events worth a message. */
    public enum Event {
        OPENED, SEVERITY_CHANGED, TARGET_BREACHED, RESOLVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public NotificationTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        events = events.isEmpty() ? EnumSet.allOf(Event.class) : EnumSet.copyOf(events);
        Objects.requireNonNull(minSeverity, "minSeverity");
    }

    /** True when this target wants {@code event} for an incident of {@code severity}. */
    public boolean wants(Event event, IncidentSeverity severity) {
        return events.contains(event) && severity.ordinal() <= minSeverity.ordinal();
    }
}
