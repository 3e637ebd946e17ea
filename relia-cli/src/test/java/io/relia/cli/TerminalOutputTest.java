package io.relia.cli;

import io.relia.core.report.TerminalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands print on a terminal holds no control character from the store, a file or an argument: escape
 * sequences (clear the screen, set the window title), carriage returns, NUL and bidirectional overrides are shown
 * escaped, never acted on. A runbook command hidden behind them is shown as it is and refused.
 */
class TerminalOutputTest {

    /** Clears the screen, sets the window title, holds a NUL, reverses what follows. */
    private static final String TITLE = "Checkout \u001b[2Jdown \u001b]0;pwned\u0007now\u0000 \u202egnirts";
    private static final String TITLE_SHOWN = "Checkout \\e[2Jdown \\e]0;pwned\\anow\\0 \\u202egnirts";
    /** Goes back to the start of the line to overwrite it. */
    private static final String ALERT = "DiskFull\r\u001b[2KAllGood";
    private static final String ALERT_SHOWN = "DiskFull\\r\\e[2KAllGood";

    @TempDir
    Path data;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--as", "alice"));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Nothing below U+0020 but the line feed; no DEL, C1 or bidirectional control. */
    private static void assertNoControlCharacters(String printed) {
        assertThat(printed.chars().filter(c -> c != '\n' && TerminalText.isControl((char) c))
                .mapToObj(c -> String.format("U+%04X", c)).toList()).as(printed).isEmpty();
    }

    /**
     * Every write path refuses control characters in one-line fields now, so hostile text reaches the store only as
     * a record written before that rule or straight into the database: planted here with SQL, as such a record is.
     */
    private void declareHostileIncident() throws SQLException {
        CliRun declared = run("incident", "new", "Checkout down", "--service", "payments", "--alert", "DiskFull",
                "--label", "team=sre");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("relia.db"));
             PreparedStatement title = connection.prepareStatement("UPDATE incidents SET title = ? WHERE id = 1");
             PreparedStatement service = connection.prepareStatement(
                     "UPDATE incident_services SET service = ? WHERE incident_id = 1");
             PreparedStatement alert = connection.prepareStatement(
                     "UPDATE incident_links SET ref = ? WHERE incident_id = 1 AND link_kind = 'alert'");
             PreparedStatement label = connection.prepareStatement(
                     "UPDATE incident_labels SET label_value = ? WHERE incident_id = 1")) {
            for (var update : List.of(Map.entry(title, TITLE), Map.entry(service, "pay\u001b[8mments"),
                    Map.entry(alert, ALERT), Map.entry(label, "sre\u009b2J"))) {
                update.getKey().setString(1, update.getValue());
                assertThat(update.getKey().executeUpdate()).isOne();
            }
        }
    }

    @Test
    void incidentListShowsControlCharactersEscaped() throws SQLException {
        declareHostileIncident();

        CliRun listed = run("incident", "list");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertNoControlCharacters(listed.out() + listed.err());
        assertThat(listed.out()).contains(TITLE_SHOWN);
    }

    @Test
    void incidentShowShowsControlCharactersEscaped() throws SQLException {
        declareHostileIncident();
        assertThat(run("incident", "note", "1", "first line\u001b[1A\u001b[2K", "replaced").exitCode()).isZero();

        CliRun shown = run("incident", "show", "1");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertNoControlCharacters(shown.out() + shown.err());
        assertThat(shown.out()).contains(TITLE_SHOWN, ALERT_SHOWN, "pay\\e[8mments", "team=sre\\u009b2J",
                "first line\\e[1A\\e[2K replaced");
    }

    @Test
    void theStoredRecordKeepsWhatWasGiven() throws SQLException {
        declareHostileIncident();

        CliRun json = run("incident", "show", "1", "--format", "json");

        // JSON is no terminal format: its own escaping says \u001b, and a reader gets the title back as it was.
        assertThat(tools.jackson.databind.json.JsonMapper.shared().readTree(json.out()).at("/incident/title")
                .asString()).isEqualTo(TITLE);
    }

    @Test
    void errorsQuotingAnArgumentShowItEscaped() {
        CliRun unknown = run("incident", "show", "\u001b]0;pwned\u0007");
        CliRun usage = run("incident", "list", "--severity", "\u001b[2J");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("\\e]0;pwned\\a");
        assertThat(usage.err()).contains("\\e[2J");
        assertNoControlCharacters(unknown.err() + usage.err() + unknown.out() + usage.out());
    }

    /** Shown raw, the step reads "$ df -h   (risk low)"; the shell would run the touch and ignore the rest. */
    private static final String SPOOF = """
            name: Disk check
            diagnosis_steps:
              - action: Check the disk
                command: "touch marker #\\r\\e[2K      $ df -h"
            mitigation_options:
              - name: Nothing to do
                risk: low
            """;

    @Test
    void theRunbookPromptShowsAHiddenCommandEscapedAndRefusesIt(@TempDir Path books) throws Exception {
        Files.writeString(books.resolve("disk.yaml"), SPOOF);
        run("incident", "new", "Disk full");

        CliRun walked = run("runbook", "run", "disk", "--incident", "1", "--dir", books.toString(), "--yes");

        assertNoControlCharacters(walked.out() + walked.err());
        assertThat(walked.out()).contains("      $ touch marker #\\r\\e[2K      $ df -h   (risk low)\n",
                "→ refused: the command of diagnosis 1 at " + books.resolve("disk.yaml") + ":3:",
                "Done: 1 manual, 1 refused");
        assertThat(walked.exitCode()).isEqualTo(2);
        assertThat(books.resolve("marker")).doesNotExist();
    }

    @Test
    void runbookShowPrintsTheCommandEscapedAndAScriptLineByLine(@TempDir Path books) throws Exception {
        Files.writeString(books.resolve("disk.yaml"), SPOOF.replace("Nothing to do", "Clean up\n"
                + "    command: \"cd /var/tmp\\n\\tfind . -mtime +7 -delete\""));

        CliRun shown = CliRun.of("runbook", "show", "disk", "--dir", books.toString());

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertNoControlCharacters(shown.out() + shown.err());
        assertThat(shown.out()).contains("$ touch marker #\\r\\e[2K      $ df -h   (risk low)",
                "      $ cd /var/tmp\n                find . -mtime +7 -delete   (risk low)");
    }
}
