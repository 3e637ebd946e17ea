package io.relia.cli;

import io.relia.incident.ActionItem;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import, statistics, similar incidents, postmortems and action items with --server: the commands read and write
 * the server's store and print what they print against a local one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IncidentServerHistoryCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HISTORY = "../examples/checkout-service/reliability/incidents/history.yaml";

    @TempDir
    Path dir;

    private ServedIncidents served;
    private IncidentStore store;

    @BeforeEach
    void start() {
        served = ServedIncidents.start(dir);
        store = served.store();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private CliRun remote(String... args) {
        return served.run(args);
    }

    private CliRun local(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", dir.resolve("local").toString(), "--as", "alice"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void importsHistoryIntoTheServerAndSkipsItOnARerun() {
        CliRun first = remote("incident", "import", HISTORY);
        CliRun again = remote("incident", "import", HISTORY, "--skip-existing");

        assertThat(first.exitCode()).as(first.err()).isZero();
        int imported = store.list(IncidentQuery.ALL).size();
        assertThat(imported).isGreaterThan(1);
        assertThat(first.out()).contains("imported INC-1: ", imported + " incidents imported");
        assertThat(again.out()).endsWith("0 incidents imported, " + imported + " already there\n");
        assertThat(store.actions(Optional.empty())).extracting(ActionItem::owner).contains("bob", "dan");
        assertThat(store.timeline(1)).anySatisfy(entry -> assertThat(entry.actor()).isEqualTo("alice (via cli)"));
    }

    @Test
    void statsSimilarAndPostmortemsReadTheServerAsTheyReadALocalStore() {
        remote("incident", "import", HISTORY);
        local("incident", "import", HISTORY);

        for (List<String> command : List.of(List.of("incident", "stats", "--since", "3650d", "--format", "json"),
                List.of("incident", "similar", "certificate", "expired", "--format", "json"),
                List.of("incident", "similar", "2", "--format", "json"),
                List.of("incident", "postmortem", "1", "--format", "markdown"),
                List.of("action", "list", "--all", "--format", "json"))) {
            CliRun there = remote(command.toArray(String[]::new));
            CliRun here = local(command.toArray(String[]::new));

            assertThat(there.exitCode()).as(command + ": " + there.err()).isZero();
            assertThat(withoutClock(asLocal(there.out()))).as(String.join(" ", command))
                    .isEqualTo(withoutClock(here.out()));
        }
    }

    @Test
    void updatesActionItemsOnTheServer() {
        remote("incident", "new", "Checkout 502s");
        remote("action", "add", "1", "--title", "Size the pool", "--owner", "bob", "--due", "2026-12-15");

        CliRun updated = remote("action", "update", "ACT-1", "--status", "in-progress", "--priority", "P1");
        CliRun listed = remote("action", "list", "--incident", "1", "--format", "json");
        CliRun unknown = remote("action", "update", "ACT-9", "--status", "done");

        assertThat(updated.out()).isEqualTo("ACT-1: in-progress, P1, owner bob, due 2026-12-15\n");
        JsonNode items = JSON.readTree(listed.out()).get("actionItems");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("status").asString()).isEqualTo("in-progress");
        assertThat(store.actions(Optional.of(1L)).getFirst().priority()).isEqualTo(ActionItem.Priority.P1);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("relia: error: no action item ACT-9\n");
    }

    /** The server names the token beside the person (alice via token cli): the one difference it should make. */
    private static String asLocal(String text) {
        return text.replace(", alice (via cli)\n", "\n").replace("alice (via cli)", "alice");
    }

    /** Reports carry the time they were made; two runs differ in it and in nothing else. */
    private static String withoutClock(String text) {
        return text.replaceAll("\"(generated|generatedAt|now|asOf)\" : \"[^\"]*\"", "\"$1\" : \"\"")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "TIME");
    }
}
