package io.relia.incident.history;

import io.relia.core.Problem;
import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentHistoryFileTest {

    private static final Path FILE = Path.of("history.yaml");

    @Test
    void readsEveryFieldOfAnEntry() throws Exception {
        IncidentHistory history = IncidentHistoryFile.read(resource("history/complete.yaml"));

        assertThat(history.problems()).isEmpty();
        HistoricIncident read = history.incidents().getFirst();
        Incident incident = read.incident();
        assertThat(incident.id()).isZero();
        assertThat(incident.title()).isEqualTo("Checkout 502s: payments connection pool exhausted");
        assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV2);
        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.summary()).isEqualTo("Checkout returning 502 to a third of requests.");
        assertThat(incident.services()).containsExactly("checkout", "payments");
        assertThat(incident.labels()).isEqualTo(Map.of("team", "payments", "region", "eu-west-1"));
        assertThat(incident.alerts()).containsExactly("CheckoutHighErrorRate");
        assertThat(incident.slos()).containsExactly("checkout/availability");
        assertThat(incident.drill()).isFalse();
        assertThat(incident.roles()).isEqualTo(Map.of(Role.INCIDENT_COMMANDER, "alice",
                Role.COMMUNICATIONS_LEAD, "bob", Role.OPERATIONS_LEAD, "carol", Role.SCRIBE, "dan"));
        assertThat(incident.times()).isEqualTo(new IncidentTimes(at("2026-03-04T10:15:00Z"),
                at("2026-03-04T10:02:00Z"), at("2026-03-04T10:07:00Z"), at("2026-03-04T10:09:00Z"),
                at("2026-03-04T10:48:00Z"), at("2026-03-04T11:30:00Z"), at("2026-03-12T09:00:00Z"),
                at("2026-03-11T15:00:00Z")));
        assertThat(incident.analysis()).isEqualTo(new Analysis("Report queries held every pool connection.",
                "Quarterly refund report.", "Moved reports to the replica.", "Error-rate alert after 5 minutes.",
                "4,100 failed checkouts.", "Pool metric pointed at payments.", "Reports shared the OLTP pool.",
                "Outside the evening peak.", List.of("Checkout failed.", "Payments timed out.")));
        assertThat(read.location().line()).isEqualTo(2);
    }

    @Test
    void readsActionItemsWithDefaultsForWhatIsLeftOut() throws Exception {
        List<ActionItem> items = IncidentHistoryFile.read(resource("history/complete.yaml")).incidents().getFirst()
                .actionItems();

        assertThat(items).hasSize(2);
        ActionItem full = items.getFirst();
        assertThat(full.id()).isZero();
        assertThat(full.incidentId()).isZero();
        assertThat(full.title()).isEqualTo("Separate pool for reporting");
        assertThat(full.type()).isEqualTo(ActionItem.Type.PREVENT);
        assertThat(full.owner()).isEqualTo("carol");
        assertThat(full.priority()).isEqualTo(ActionItem.Priority.P2);
        assertThat(full.due()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(full.status()).isEqualTo(ActionItem.Status.DONE);
        assertThat(full.link()).isEqualTo("JIRA-123");
        ActionItem bare = items.get(1);
        assertThat(bare.type()).isEqualTo(ActionItem.Type.OTHER);
        assertThat(bare.priority()).isEqualTo(ActionItem.Priority.P3);
        assertThat(bare.status()).isEqualTo(ActionItem.Status.OPEN);
        assertThat(bare.due()).isNull();
    }

    @Test
    void anEntryWithoutResolutionIsStillInvestigating() throws Exception {
        Incident drill = IncidentHistoryFile.read(resource("history/complete.yaml")).incidents().get(1).incident();

        assertThat(drill.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(drill.severity()).isEqualTo(IncidentSeverity.SEV4);
        assertThat(drill.drill()).isTrue();
        assertThat(drill.times().detected()).isEqualTo(drill.times().declared());
    }

    @Test
    void readsJsonToo() throws Exception {
        IncidentHistory history = IncidentHistoryFile.read(resource("history/complete.json"));

        assertThat(history.problems()).isEmpty();
        assertThat(history.incidents()).singleElement().satisfies(read -> {
            assertThat(read.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(read.incident().times().mitigated()).isEqualTo(at("2026-01-02T04:00:00Z"));
        });
    }

    @Test
    void reportsATimeThatIsNotRfc3339AtItsValue() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV1
                    declared: 2026-03-04 10:15
                """);

        assertThat(messages(history)).containsExactly("history.yaml:4:15: error: \"declared\" is not an RFC 3339 "
                + "time: \"2026-03-04 10:15\"; expected a time with a zone such as 2026-03-04T10:15:00Z "
                + "(hint: add the time and zone, e.g. 2026-03-04T10:15:00Z)");
        assertThat(history.incidents()).isEmpty();
    }

    @Test
    void reportsAnUnknownSeverityWithASuggestion() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV5
                    declared: 2026-03-04T10:15:00Z
                """);

        assertThat(history.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location().toString()).isEqualTo("history.yaml:3:15");
            assertThat(problem.message()).contains("unknown severity \"SEV5\"");
            assertThat(problem.hint()).startsWith("did you mean \"SEV");
        });
    }

    @Test
    void reportsAResolutionBeforeTheDeclaration() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    resolved: 2026-03-04T09:15:00Z
                """);

        assertThat(messages(history)).containsExactly("history.yaml:5:15: error: resolved 2026-03-04T09:15:00Z lies "
                + "before declared 2026-03-04T10:15:00Z (hint: check the date and the zone (Z is UTC))");
    }

    @Test
    void reportsAnImpactStartAfterDetectionAtTheImpactStart() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    detected: 2026-03-04T10:07:00Z
                    impact_started: 2026-03-04T10:09:00Z
                """);

        assertThat(history.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location().toString()).isEqualTo("history.yaml:6:21");
            assertThat(problem.message()).isEqualTo("impact_started 2026-03-04T10:09:00Z lies after detected "
                    + "2026-03-04T10:07:00Z");
            assertThat(problem.hint()).isNotEmpty();
        });
    }

    @Test
    void reportsAnUnknownRoleAtItsKey() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    roles: {commander: alice, scibe: dan}
                """);

        assertThat(messages(history)).containsExactly("history.yaml:5:31: error: unknown role \"scibe\"; expected "
                + "commander (ic), comms, ops or scribe (hint: did you mean \"scribe\"?)");
    }

    @Test
    void reportsABadPriorityAtTheActionItem() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    action_items:
                      - title: Add an alert
                        priority: P7
                """);

        assertThat(history.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location().toString()).isEqualTo("history.yaml:7:19");
            assertThat(problem.message()).isEqualTo("unknown priority \"P7\"; expected P1, P2, P3 or P4");
        });
    }

    @Test
    void warnsAboutAnUnknownKeyWithDidYouMeanAndKeepsTheEntry() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    root_casue: pool exhausted
                """);

        assertThat(history.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.location().toString()).isEqualTo("history.yaml:5:5");
            assertThat(problem.hint()).isEqualTo("did you mean \"root_cause\"?");
        });
        assertThat(history.incidents()).hasSize(1);
    }

    @Test
    void reportsAMissingDeclarationAndKeepsTheOtherEntries() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                  - title: Search slow
                    severity: SEV3
                    declared: 2026-03-04T10:15:00Z
                """);

        assertThat(history.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.location().toString()).isEqualTo("history.yaml:2:5");
            assertThat(problem.message()).contains("missing key \"declared\"");
        });
        assertThat(history.incidents()).extracting(read -> read.incident().title()).containsExactly("Search slow");
    }

    @Test
    void turnsAnInvalidTitleIntoAProblemAtTheEntry() {
        IncidentHistory history = parse("""
                incidents:
                  - title: "   "
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                """);

        assertThat(history.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.location().line()).isEqualTo(2);
        });
        assertThat(history.incidents()).isEmpty();
    }

    @Test
    void reportsAnOpenStatusOnAResolvedIncident() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    status: investigating
                    declared: 2026-03-04T10:15:00Z
                    resolved: 2026-03-04T11:15:00Z
                """);

        assertThat(messages(history)).singleElement().asString().startsWith("history.yaml:4:13: error: status "
                + "investigating but resolved 2026-03-04T11:15:00Z is set");
    }

    @Test
    void reportsEveryBrokenRuleOfAnEntryAtTheValueThatBreaksIt() {
        IncidentHistory history = parse("""
                incidents:
                  - title: "Checkout\\rdown"
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    acknowledged: 9999-12-31T00:00:00Z
                    resolved: 2026-03-04T11:15:00Z
                    closed: 2026-03-04T11:00:00Z
                    action_items:
                      - title: "Alert on\\npool saturation"
                """);

        assertThat(messages(history)).map(message -> message.replaceAll("\\(now [^;]*;", "(now NOW;"))
                .containsExactlyInAnyOrder(
                        "history.yaml:2:12: error: the title contains a carriage return (U+000D) at character 9; it "
                                + "must be one line without control characters",
                        "history.yaml:5:19: error: acknowledged 9999-12-31T00:00:00Z lies in the future (now NOW; "
                                + "clocks may differ by 5 minutes) (hint: check the date and the zone (Z is UTC))",
                        "history.yaml:6:15: error: resolved 2026-03-04T11:15:00Z lies before acknowledged "
                                + "9999-12-31T00:00:00Z (hint: check the date and the zone (Z is UTC))",
                        "history.yaml:7:13: error: closed 2026-03-04T11:00:00Z lies before resolved "
                                + "2026-03-04T11:15:00Z (hint: check the date and the zone (Z is UTC))",
                        "history.yaml:9:16: error: the action item's title contains a line break (U+000A) at "
                                + "character 9; it must be one line without control characters");
        assertThat(history.incidents()).isEmpty();
    }

    @Test
    void aClosedEntryWithoutACloseTimeWasClosedAtItsResolution() {
        IncidentHistory history = parse("""
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    resolved: 2026-03-04T11:15:00Z
                """);

        assertThat(history.problems()).isEmpty();
        assertThat(history.incidents()).singleElement().satisfies(entry -> {
            assertThat(entry.incident().status()).isEqualTo(IncidentStatus.CLOSED);
            assertThat(entry.incident().times().closed()).isEqualTo(at("2026-03-04T11:15:00Z"));
        });
    }

    @Test
    void reportsAMissingFileAsAProblem() {
        IncidentHistory history = IncidentHistoryFile.read(Path.of("no/such/history.yaml"));

        assertThat(history.hasErrors()).isTrue();
        assertThat(history.incidents()).isEmpty();
    }

    private static IncidentHistory parse(String text) {
        return IncidentHistoryFile.parse(FILE, text);
    }

    private static List<String> messages(IncidentHistory history) {
        return history.problems().stream().map(Problem::format).toList();
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(IncidentHistoryFileTest.class.getResource("/" + name), name).toURI());
    }
}
