package io.relia.server.notify;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.notify.NotificationTarget.Event;
import io.relia.incident.view.IncidentJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The four message shapes, each written by Jackson and read back, with a title that tries to break them. */
class PayloadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "<script>alert(1)</script> & <!channel> \u2028 \"quoted\" \\";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt; \u2028 "
            + "\"quoted\" \\";
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Optional<String> LINK = Optional.of("https://relia.example/#/incidents/7");
    private static final Incident INCIDENT = Incident.declare(HOSTILE, IncidentSeverity.SEV1, AT).withId(7)
            .withServices(List.of("checkout", "<@U123>"));

    /** Written as the notifier sends it, then parsed: proves the message is valid JSON. */
    private static JsonNode sent(Map<String, Object> payload) {
        return JSON.readTree(JSON.writeValueAsString(payload));
    }

    @Test
    void slackEscapesMrkdwnControlCharactersInEveryUserText() {
        JsonNode slack = sent(Payloads.slack(Event.OPENED, INCIDENT, "detail with <!here>", LINK));

        assertThat(slack.get("text").asString()).isEqualTo("[SEV1] INC-7 opened: " + ESCAPED);
        String blocks = slack.get("blocks").toString();
        assertThat(blocks).doesNotContain("<script>", "<!channel>", "<!here>", "<@U123>")
                .contains("&lt;!here&gt;", "&lt;@U123&gt;", "*Severity*\\nSEV1", "*Status*", "*Services*")
                .contains("<https://relia.example/#/incidents/7|Open INC-7 in Relia>");
        assertThat(slack.get("blocks").get(0).get("type").asString()).isEqualTo("section");
    }

    @Test
    void mattermostSendsOneAttachmentColouredBySeverityWithShortFields() {
        JsonNode mattermost = sent(Payloads.mattermost(Event.RESOLVED, INCIDENT, "resolved by <b>", LINK));

        assertThat(mattermost.get("text").asString()).isEqualTo("[SEV1] INC-7 resolved: " + ESCAPED);
        JsonNode attachment = mattermost.get("attachments").get(0);
        assertThat(attachment.get("color").asString()).isEqualTo("#b42318");
        assertThat(attachment.get("title").asString()).isEqualTo("INC-7: " + ESCAPED);
        assertThat(attachment.get("title_link").asString()).isEqualTo(LINK.orElseThrow());
        assertThat(attachment.get("fallback").asString()).doesNotContain("<");
        assertThat(attachment.get("text").asString()).isEqualTo("resolved by &lt;b&gt;");
        assertThat(attachment.get("fields")).hasSize(4).allSatisfy(field -> {
            assertThat(field.get("short").asBoolean()).isTrue();
            assertThat(field.get("value").asString()).doesNotContain("<", ">");
        });
    }

    @Test
    void mattermostColoursDifferBySeverity() {
        assertThat(List.of(IncidentSeverity.values()).stream().map(severity -> sent(Payloads.mattermost(
                Event.OPENED, INCIDENT.withSeverity(severity), "x", LINK)).get("attachments").get(0).get("color")
                .asString()).distinct()).hasSize(IncidentSeverity.values().length);
    }

    @Test
    void teamsSendsAnAdaptiveCardWithThePlainTitleAndAnOpenUrlAction() {
        JsonNode teams = sent(Payloads.teams(Event.TARGET_BREACHED, INCIDENT, "not acknowledged", LINK));

        assertThat(teams.get("type").asString()).isEqualTo("message");
        JsonNode attachment = teams.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("body").get(0).get("type").asString()).isEqualTo("TextBlock");
        assertThat(card.get("body").get(0).get("text").asString())
                .isEqualTo("[SEV1] INC-7 not acknowledged in time: " + HOSTILE);
        assertThat(card.get("body").get(1).get("type").asString()).isEqualTo("FactSet");
        assertThat(card.get("body").get(1).get("facts")).hasSize(4);
        JsonNode action = card.get("actions").get(0);
        assertThat(action.get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(action.get("url").asString()).isEqualTo(LINK.orElseThrow());
    }

    @Test
    void teamsHasNoActionWithoutALink() {
        JsonNode card = sent(Payloads.teams(Event.OPENED, INCIDENT, "x", Optional.empty()))
                .get("attachments").get(0).get("content");

        assertThat(card.has("actions")).isFalse();
    }

    @Test
    void theGenericEventCarriesItsIdTimeDetailAndTheIncidentAsTheApiShowsIt() {
        JsonNode event = sent(Payloads.event("msg_1", AT, Event.OPENED, "opened by <alert>", LINK,
                IncidentJson.incident(INCIDENT, IncidentPolicy.DEFAULT, AT)));

        assertThat(event.get("type").asString()).isEqualTo("incident.opened");
        assertThat(event.get("id").asString()).isEqualTo("msg_1");
        assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(AT);
        assertThat(event.get("detail").asString()).isEqualTo("opened by <alert>");
        assertThat(event.get("url").asString()).isEqualTo(LINK.orElseThrow());
        assertThat(event.get("incident").get("title").asString()).isEqualTo(HOSTILE);
        assertThat(event.get("incident").get("severity").asString()).isEqualTo("SEV1");
    }

    @Test
    void longFactsAreClippedBelowSlacksFieldLimitEvenWhenEscaped() {
        String detail = "<".repeat(5_000);

        JsonNode slack = sent(Payloads.slack(Event.OPENED, INCIDENT, detail, LINK));

        for (JsonNode field : slack.get("blocks").get(1).get("fields")) {
            assertThat(field.get("text").asString().length()).isLessThan(2_000);
        }
    }
}
