package io.relia.server.notify;

import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.notify.NotificationTarget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message bodies of the chat tools, built as maps for Jackson (user text is never spliced into JSON by hand).
 * Slack's mrkdwn treats {@code &}, {@code <} and {@code >} as markup, so user text is escaped for Slack and
 * Mattermost; Teams' Adaptive Card TextBlocks take plain text.
 */
final class Payloads {

    /** Longest fact value, characters: escaped for Slack (up to 5×) it stays under Slack's 2,000 per field. */
    static final int MAX_FACT = 300;

    private Payloads() {
    }

    /** "[SEV2] INC-7 opened: Checkout 502s". */
    static String headline(NotificationTarget.Event event, Incident incident) {
        return "[" + incident.severity() + "] " + incident.reference() + " " + verb(event) + ": " + incident.title();
    }

    private static String verb(NotificationTarget.Event event) {
        return switch (event) {
            case OPENED -> "opened";
            case SEVERITY_CHANGED -> "severity changed";
            case TARGET_BREACHED -> "not acknowledged in time";
            case RESOLVED -> "resolved";
        };
    }

    /** Slack incoming webhook: fallback text and Block Kit blocks. */
    static Map<String, Object> slack(NotificationTarget.Event event, Incident incident, String detail,
                                     Optional<String> link) {
        String text = escape(headline(event, incident));
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "*" + text + "*")));
        List<Object> fields = new ArrayList<>();
        for (Map.Entry<String, String> fact : facts(incident, detail).entrySet()) {
            fields.add(Map.of("type", "mrkdwn", "text", "*" + fact.getKey() + "*\n" + escape(fact.getValue())));
        }
        blocks.add(Map.of("type", "section", "fields", fields));
        link.ifPresent(url -> blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "<" + url + "|Open " + incident.reference() + " in Relia>")))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("blocks", blocks);
        return body;
    }

    /** Mattermost incoming webhook: Slack-compatible text with one coloured attachment. */
    static Map<String, Object> mattermost(NotificationTarget.Event event, Incident incident, String detail,
                                          Optional<String> link) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("fallback", escape(headline(event, incident)));
        attachment.put("color", colour(incident.severity()));
        attachment.put("title", escape(incident.reference() + ": " + incident.title()));
        link.ifPresent(url -> attachment.put("title_link", url));
        attachment.put("text", escape(detail));
        List<Object> fields = new ArrayList<>();
        facts(incident, detail).forEach((title, value) -> fields.add(Map.of("short", true, "title", title,
                "value", escape(value))));
        attachment.put("fields", fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", escape(headline(event, incident)));
        body.put("attachments", List.of(attachment));
        return body;
    }

    /** Microsoft Teams (Workflows or incoming webhook): a message holding one Adaptive Card. */
    static Map<String, Object> teams(NotificationTarget.Event event, Incident incident, String detail,
                                     Optional<String> link) {
        List<Object> facts = new ArrayList<>();
        facts(incident, detail).forEach((title, value) -> facts.add(Map.of("title", title, "value", value)));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        card.put("body", List.of(
                Map.of("type", "TextBlock", "text", headline(event, incident), "weight", "Bolder", "size", "Medium",
                        "wrap", true),
                Map.of("type", "FactSet", "facts", facts)));
        link.ifPresent(url -> card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title",
                "Open " + incident.reference(), "url", url))));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "message");
        body.put("attachments", List.of(attachment));
        return body;
    }

    /**
     * Relia's generic webhook event: {@code id} is the {@code webhook-id} header too, the same on every retry, so a
     * receiver can drop duplicates.
     *
     * @param incident the incident as the API shows it ({@code IncidentJson.incident})
     */
    static Map<String, Object> event(String id, Instant occurredAt, NotificationTarget.Event event, String detail,
                                     Optional<String> link, Map<String, Object> incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "incident." + event.label());
        body.put("id", id);
        body.put("occurredAt", occurredAt.toString());
        body.put("detail", detail);
        link.ifPresent(url -> body.put("url", url));
        body.put("incident", incident);
        return body;
    }

    private static Map<String, String> facts(Incident incident, String detail) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Severity", incident.severity().name());
        facts.put("Status", incident.status().label());
        facts.put("Services", clip(incident.services().isEmpty() ? "(none)" : String.join(", ", incident.services())));
        facts.put("What happened", clip(detail));
        return facts;
    }

    /** Slack refuses a message whose field text passes 2,000 characters; a fact is a line, not a log. */
    private static String clip(String text) {
        return text.length() <= MAX_FACT ? text : text.substring(0, MAX_FACT - 1) + "…";
    }

    private static String colour(IncidentSeverity severity) {
        return switch (severity) {
            case SEV1 -> "#b42318";
            case SEV2 -> "#e8590c";
            case SEV3 -> "#f0b400";
            case SEV4 -> "#6b7280";
        };
    }

    /** Slack mrkdwn control characters as entities, so user text cannot mention @channel or forge links. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
