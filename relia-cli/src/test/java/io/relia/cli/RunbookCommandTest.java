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

/** relia runbook validate|list|show|for|run, with the example's runbooks and a runbook of safe commands. */
class RunbookCommandTest {

    private static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability/runbooks");

    @TempDir
    Path data;

    private List<String> timeline() {
        CliRun shown = CliRun.of("incident", "show", "1", "--format", "json", "--data", data.toString());
        List<String> texts = new ArrayList<>();
        JsonMapper.builder().build().readTree(shown.out()).get("timeline").forEach(entry -> {
            if (entry.get("kind").asString().equals("runbook")) {
                texts.add(entry.get("text").asString());
            }
        });
        return texts;
    }

    @Test
    void aDryRunOfTheExampleRunbookWritesEveryStepIntoTheIncidentTimeline() {
        CliRun.of("incident", "new", "Checkout 5xx", "-s", "SEV2", "--data", data.toString());

        CliRun run = CliRun.of("runbook", "run", "checkout-errors", "--incident", "1", "--dir", EXAMPLE.toString(),
                "--dry-run", "--data", data.toString(), "--as", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dry run: nothing is executed").contains("escalate to payments-oncall");
        List<String> texts = timeline();
        assertThat(texts).hasSize(9);
        assertThat(texts.getFirst()).startsWith("runbook \"High Checkout Error Rate\" started (dry run)");
        assertThat(texts.get(1)).startsWith("runbook \"High Checkout Error Rate\" diagnosis 1 (Check which status")
                .endsWith("→ dry run");
        assertThat(texts.getLast()).isEqualTo("runbook \"High Checkout Error Rate\" finished: 7 dry run");
    }

    @Test
    void withYesLowRiskCommandsRunAndTheirResultsAreRecorded(@TempDir Path books) throws Exception {
        Files.writeString(books.resolve("safe.yaml"), """
                name: Safe book
                diagnosis_steps:
                  - action: print the incident
                    command: echo incident $RELIA_INCIDENT_ID; exit 2
                  - action: look at the graphs
                mitigation_options:
                  - name: write a marker
                    command: touch marker
                    risk: high
                """);
        CliRun.of("incident", "new", "x", "--data", data.toString());

        CliRun run = CliRun.of("runbook", "run", "safe", "--incident", "INC-1", "--dir", books.toString(), "--yes",
                "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Done: 1 executed, 1 skipped, 1 manual");
        assertThat(timeline()).anySatisfy(text -> assertThat(text).contains("$ echo incident $RELIA_INCIDENT_ID; "
                + "exit 2 → exit 2 in ").endsWith("\nincident 1"))
                .anySatisfy(text -> assertThat(text).endsWith("skipped: needs confirmation (risk high)"));
        assertThat(books.resolve("marker")).doesNotExist();
    }

    @Test
    void findsListsShowsAndValidatesRunbooks() {
        String dir = EXAMPLE.toString();
        assertThat(CliRun.of("runbook", "for", "CheckoutHighErrorRate", "--dir", dir).out())
                .startsWith("checkout-errors: High Checkout Error Rate");
        assertThat(CliRun.of("runbook", "for", "Unknown", "--dir", dir).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("runbook", "list", "--dir", dir).out()).contains("high-cpu-usage")
                .contains("2 runbooks");
        assertThat(CliRun.of("runbook", "show", "High CPU Usage", "--dir", dir).out())
                .contains("[diagnosis 1] Check which process is consuming CPU");
        assertThat(CliRun.of("runbook", "validate", EXAMPLE.resolve("checkout-errors.yaml").toString()).out())
                .isEqualTo("1 runbook valid\n");
        CliRun unknown = CliRun.of("runbook", "run", "nope", "--incident", "1", "--dir", dir, "--data",
                data.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no runbook named \"nope\"");
    }

    @Test
    void anInvalidRunbookIsRejectedWithItsLocation(@TempDir Path books) throws Exception {
        Path bad = books.resolve("bad.yaml");
        Files.writeString(bad, "name: Bad\ndiagnosis_steps:\n  - action: a\nmitigation_options:\n  - name: m\n"
                + "    risk: extreme\n");

        CliRun run = CliRun.of("runbook", "validate", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":6:11").doesNotContain("Exception");
    }
}
