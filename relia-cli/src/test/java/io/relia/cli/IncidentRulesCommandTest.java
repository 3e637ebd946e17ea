package io.relia.cli;

import io.relia.incident.IncidentQuery;
import io.relia.incident.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle, state and one-line rules from the command line, on a local store and through --server: a broken
 * rule is exit 2 with every broken rule named and no stack trace, and nothing is written; stored records that broke
 * the rules before never make {@code incident stats} fail.
 */
class IncidentRulesCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--as", "alice"));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, String... messages) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("relia: error: ").contains(messages);
        assertThat(run.showsStackTrace()).isFalse();
        assertThat(run.out()).isEmpty();
    }

    private JsonNode shown(String id) {
        return JSON.readTree(run("incident", "show", id, "--format", "json").out());
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("relia.db"));
             Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    @Test
    void refusesAResolutionIn1970AndAnAcknowledgementIn9999WithExit2() {
        run("incident", "new", "Checkout answers 502", "-s", "SEV2");
        JsonNode before = shown("1");

        assertRefused(run("incident", "resolve", "1", "--at", "1970-01-01"),
                "resolved 1970-01-01T00:00:00Z lies before declared ");
        assertRefused(run("incident", "ack", "1", "--at", "9999-12-31"),
                "acknowledged 9999-12-31T00:00:00Z lies in the future (now ");
        assertRefused(run("incident", "mitigate", "1", "--at", "1999-12-31T23:59:59Z"),
                "mitigated 1999-12-31T23:59:59Z lies before detected ");
        assertRefused(run("incident", "new", "Y2K", "--at", "1999-12-31"),
                "declared 1999-12-31T00:00:00Z lies before 2000-01-01T00:00:00Z, the earliest time Relia stores");
        assertRefused(run("incident", "new", "Later", "--at", "9999-12-31"),
                "declared 9999-12-31T00:00:00Z lies in the future");
        assertThat(run("incident", "ack", "1", "--at", "-5").exitCode()).isEqualTo(2);

        assertThat(shown("1")).isEqualTo(before);
        assertThat(run("incident", "list", "--all").out()).doesNotContain("Later");
    }

    @Test
    void refusesATitleWithACarriageReturnAndNamesEveryBrokenRuleAtOnce() {
        run("incident", "new", "Checkout answers 502");

        assertRefused(run("incident", "new", "Checkout\rdown", "--detected", "2001-01-01", "--impact-started",
                "2002-01-01"), "the title contains a carriage return (U+000D) at character 9",
                "; impact_started 2002-01-01T00:00:00Z lies after detected 2001-01-01T00:00:00Z");
        assertRefused(run("incident", "update", "1", "--title", "Checkout\n502"), "the title contains a line break");
        assertRefused(run("action", "add", "1", "--title", "Alert\u001b[2J on saturation"),
                "the action item's title contains a control character (U+001B)");
    }

    @Test
    void aChangedDeclarationIsOnTheTimelineAndKeepsTheOrder() {
        Instant declared = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        run("incident", "new", "Checkout answers 502", "--at", declared.toString());
        Instant earlier = declared.minus(Duration.ofMinutes(10));

        CliRun moved = run("incident", "update", "1", "--declared", earlier.toString(), "--detected",
                earlier.toString());
        CliRun refused = run("incident", "update", "1", "--detected", declared.toString());

        assertThat(moved.out()).isEqualTo("INC-1 updated: declared, detected\n");
        assertRefused(refused, "detected " + declared + " lies after declared " + earlier);
        List<String> changed = new ArrayList<>();
        shown("1").get("timeline").forEach(entry -> changed.add(entry.path("field").asString("")));
        assertThat(changed).containsSubsequence("declared", "detected");
    }

    @Test
    void importRefusesAHistoryThatBreaksTheRulesAndWritesNothing() throws Exception {
        Path history = Files.writeString(data.resolve("history.yaml"), """
                incidents:
                  - title: Checkout down
                    severity: SEV2
                    declared: 2026-03-04T10:15:00Z
                    acknowledged: 9999-12-31T00:00:00Z
                    resolved: 2026-03-04T11:15:00Z
                """);

        CliRun imported = run("incident", "import", history.toString());

        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isEqualTo(2);
        assertThat(imported.err()).contains("history.yaml:5:19: error: acknowledged 9999-12-31T00:00:00Z lies in the "
                + "future");
        assertThat(JSON.readTree(run("incident", "list", "--all", "--format", "json").out()).get("incidents"))
                .isEmpty();
    }

    @Test
    void statsLeaveOutAndNameARecordThatBrokeTheRulesAndNeverExit70() throws Exception {
        run("incident", "new", "Checkout answers 502", "-s", "SEV2", "--service", "checkout");
        run("incident", "resolve", "1");
        run("incident", "new", "Search slow", "-s", "SEV3", "--detected", "now-10m");
        run("incident", "ack", "2");
        sql("UPDATE incidents SET resolved_at = 0, mitigated_at = 0 WHERE id = 1");
        sql("UPDATE incidents SET acknowledged_at = " + Instant.parse("9999-12-31T00:00:00Z").toEpochMilli()
                + ", title = 'Search' || char(13) || 'slow' WHERE id = 2");

        for (String format : List.of("text", "markdown", "html", "json")) {
            CliRun stats = run("incident", "stats", "--since", "90d", "--format", format);
            assertThat(stats.exitCode()).as(format + ": " + stats.err()).isZero();
        }
        CliRun text = run("incident", "stats", "--since", "90d");
        assertThat(text.out()).contains("1 incident left out of MTTA: acknowledged in the future; 1 incident left "
                + "out of MTTR: mitigated before detected; 1 incident left out of time to resolve: resolved before "
                + "declared (stored times that break the lifecycle rules).");
        assertThat(run("incident", "list", "--all").exitCode()).isZero();
        assertThat(run("incident", "show", "1").exitCode()).isZero();
        assertThat(run("incident", "postmortem", "1").exitCode()).isZero();
        assertThat(run("incident", "update", "2", "--severity", "SEV2").exitCode())
                .as("an old record stays editable where the edit breaks nothing").isZero();
    }

    @Test
    void aServerEditRecordsTheTimeOfTheCommandAndIsRefusedLikeALocalOne() {
        try (ServedIncidents served = ServedIncidents.start(data)) {
            Instant declared = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            Instant acknowledged = declared.plus(Duration.ofMinutes(3));
            served.run("incident", "new", "Checkout answers 502", "--at", declared.toString());

            CliRun refused = served.run("incident", "resolve", "1", "--at", "1970-01-01");
            CliRun ack = served.run("incident", "ack", "1", "--at", acknowledged.toString());

            assertRefused(refused, "resolved 1970-01-01T00:00:00Z lies before declared " + declared);
            assertThat(ack.exitCode()).as(ack.err()).isZero();
            assertThat(served.store().timeline(1)).filteredOn(entry -> "acknowledged".equals(entry.field()))
                    .extracting(TimelineEntry::at).containsExactly(acknowledged);
            assertThat(served.store().list(IncidentQuery.ALL)).singleElement()
                    .satisfies(incident -> assertThat(incident.times().resolved()).isNull());
        }
    }
}
