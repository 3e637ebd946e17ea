package io.relia.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident, action and lifecycle commands on a SQLite store in a temporary data directory. */
class IncidentCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        all.add("--as");
        all.add("alice");
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void walksAnIncidentFromDeclarationToClose() {
        CliRun declared = run("incident", "new", "Checkout", "502s", "--severity", "SEV2", "--service", "checkout",
                "--alert", "CheckoutHighErrorRate", "--impact-started", "now-20m", "--detected", "now-10m");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        assertThat(declared.out()).startsWith("INC-1 declared: SEV2, investigating; acknowledge within 15m");

        assertThat(run("incident", "ack", "1").out()).startsWith("INC-1 acknowledged after 10m");
        assertThat(run("incident", "assign", "INC-1", "ic", "bob").out()).contains("incident commander is bob");
        assertThat(run("incident", "note", "1", "payments", "pool", "at", "10/10").exitCode()).isZero();
        assertThat(run("incident", "update", "1", "--status", "identified", "--root-cause", "pool too small").out())
                .isEqualTo("INC-1 updated: status, root_cause\n");
        assertThat(run("incident", "mitigate", "1").out()).startsWith("INC-1 mitigated: impact lasted 20m");
        assertThat(run("incident", "resolve", "1", "--resolution", "pool raised to 40").out())
                .contains("postmortem due by");
        assertThat(run("incident", "close", "1").out()).isEqualTo("INC-1 closed\n");

        JsonNode shown = JSON.readTree(run("incident", "show", "1", "--format", "json").out());
        assertThat(shown.at("/incident/status").asString()).isEqualTo("closed");
        assertThat(shown.at("/incident/roles/commander").asString()).isEqualTo("bob");
        assertThat(shown.at("/incident/analysis/resolution").asString()).isEqualTo("pool raised to 40");
        assertThat(shown.at("/incident/response/breached").asBoolean()).isFalse();
        List<String> whatHappened = new ArrayList<>();
        shown.get("timeline").forEach(entry -> whatHappened.add(entry.has("field")
                ? entry.get("field").asString() + "=" + entry.get("after").asString() : entry.get("kind").asString()));
        assertThat(whatHappened).contains("created", "acknowledged=" + shown.at("/incident/times/acknowledged")
                .asString(), "role.commander=bob", "note", "status=identified", "status=monitoring",
                "status=resolved", "status=closed");
        assertThat(shown.get("timeline")).allSatisfy(entry -> assertThat(entry.get("actor").asString())
                .isEqualTo("alice"));
    }

    @Test
    void takesPriorityNamesP1ToP4WhereverItTakesASeverity() {
        assertThat(run("incident", "new", "Checkout down", "-s", "P1").out()).startsWith("INC-1 declared: SEV1,");
        assertThat(run("incident", "new", "Slow search", "--severity", "p3").out()).startsWith("INC-2 declared: SEV3,");
        assertThat(run("incident", "update", "2", "-s", "P2").exitCode()).isZero();

        JsonNode listed = JSON.readTree(run("incident", "list", "-s", "p2", "--format", "json").out());
        assertThat(listed.get("incidents")).extracting(incident -> incident.get("title").asString())
                .containsExactly("Slow search");
        assertThat(run("incident", "new", "x", "-s", "P5").err())
                .contains("unknown severity \"P5\"; expected SEV1, SEV2, SEV3 or SEV4 (or P1 to P4)");
    }

    @Test
    void refusesWhatTheStateForbidsWithExitCode2AndNoTrace() {
        run("incident", "new", "x");
        run("incident", "ack", "1");

        CliRun again = run("incident", "ack", "1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("relia: error: INC-1 was already acknowledged at")
                .doesNotContain("Exception");
        assertThat(run("incident", "close", "1").err()).contains("INC-1 is investigating; resolve it before closing");
        assertThat(run("incident", "show", "7").err()).isEqualTo("relia: error: no incident INC-7\n");
        assertThat(run("incident", "show", "seven").err()).contains("\"seven\" is not an incident id");
        assertThat(run("incident", "new", "y", "--severity", "SEV9").err()).contains("unknown severity \"SEV9\"");
        assertThat(run("incident", "assign", "1", "boss", "bob").err()).contains("unknown role \"boss\"");
        assertThat(run("incident", "new", "z", "--impact-started", "yesterday").exitCode()).isEqualTo(2);
        assertThat(run("incident", "update", "1", "--impact-started", "now+1h").exitCode()).isEqualTo(2);
    }

    @Test
    void listsOpenIncidentsUnlessAskedForAll() {
        run("incident", "new", "first", "-s", "SEV4");
        run("incident", "new", "second", "-s", "SEV1", "--service", "search");
        run("incident", "resolve", "1");

        assertThat(run("incident", "list").out()).contains("INC-2").doesNotContain("INC-1");
        assertThat(run("incident", "list", "--all").out()).contains("INC-1").contains("INC-2");
        assertThat(run("incident", "list", "--service", "search", "--all").out()).doesNotContain("INC-1");
        JsonNode json = JSON.readTree(run("incident", "list", "--all", "--format", "json").out());
        assertThat(json.get("kind").asString()).isEqualTo("incidents");
        assertThat(json.get("incidents")).hasSize(2);
    }

    @Test
    void tracksActionItemsAndFlagsOverdueOnesWithExit1() {
        run("incident", "new", "x");
        CliRun added = run("action", "add", "1", "--title", "Alert on pool saturation", "--type", "prevent",
                "--owner", "carol", "--priority", "P2", "--due", "2020-01-31", "--link", "JIRA-1");
        assertThat(added.out()).isEqualTo("ACT-1 added to INC-1: Alert on pool saturation\n");

        CliRun overdue = run("action", "list", "--overdue");
        assertThat(overdue.exitCode()).isEqualTo(1);
        assertThat(overdue.out()).contains("ACT-1").contains("2020-01-31 (overdue)");

        assertThat(run("action", "update", "ACT-1", "--status", "done").out()).startsWith("ACT-1: done, P2");
        CliRun none = run("action", "list", "--overdue");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("No action item is overdue.");
        assertThat(run("action", "add", "9", "--title", "x").err()).contains("no incident INC-9");
        assertThat(run("action", "add", "1", "--title", "x", "--due", "soon").exitCode()).isEqualTo(2);
    }

    @Test
    void importsTheExampleHistoryOnceAndFindsItsPastIncidents() {
        String history = "../examples/checkout-service/reliability/incidents/history.yaml";

        CliRun imported = run("incident", "import", history, "--skip-existing");
        CliRun again = run("incident", "import", history, "--skip-existing");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).endsWith("4 incidents imported, 0 already there\n");
        assertThat(again.out()).endsWith("0 incidents imported, 4 already there\n");
        assertThat(run("incident", "similar", "x509", "certificate", "expired", "-n", "1").out())
                .contains("INC-2 (SEV1, closed, 2026-02-02): Payments rejects every card");
        assertThat(run("incident", "stats", "--since", "3650d", "--format", "json").out())
                .contains("\"drills\" : 1");
    }

    @Test
    void printsANewTokenOnceAndRevokesItByName() {
        CliRun created = run("token", "create", "alertmanager", "--scope", "intake");

        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).startsWith("relia_").hasSizeGreaterThan(40);
        assertThat(created.err()).contains("shown only now");
        assertThat(run("token", "revoke", "alertmanager").out()).isEqualTo("1 token named \"alertmanager\" revoked\n");
    }

    @Test
    void readsResponseTargetsFromThePolicyBesideTheData() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("incidents.yaml"), "response_targets:\n  SEV3: 2m\n");
        assertThat(run("incident", "new", "x").out()).contains("acknowledge within 2m");

        Files.writeString(data.resolve("incidents.yaml"), "response_targets:\n  SEV3: soon\n");
        CliRun bad = run("incident", "new", "y");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("incidents.yaml:2:9");
    }
}
