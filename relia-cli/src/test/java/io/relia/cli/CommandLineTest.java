package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    @Test
    void printsTheVersionAndTheRuntime() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("(?s)relia \\d+\\.\\d+\\.\\d+.*\nJava \\d+.*");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("review", "validate", "completion", "Exit codes:", "2  usage or input error");
    }

    @Test
    void everyCommandHasHelp() {
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(new ReliaCommand()), "", commands);
        assertThat(commands).contains("slo backtest", "chaos run", "load run", "load find-max", "capacity plan");
        for (String command : commands) {
            String[] words = (command + " --help").split(" ");
            CliRun run = CliRun.of(words);
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: relia " + command, "Exit codes:");
            assertThat(run.out() + run.err()).as(command).doesNotContain("picocli WARN");
        }
    }

    /** Every command and subcommand, found by walking the command tree, so a new command cannot be missed. */
    private static void collect(CommandLine command, String prefix, List<String> into) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().aliases().length > 0
                    && !sub.getKey().equals(sub.getValue().getCommandName())) {
                continue;
            }
            String name = (prefix + " " + sub.getKey()).strip();
            into.add(name);
            collect(sub.getValue(), name, into);
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("review", ".", "--formt");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).isEqualTo("""
                relia review: error: unknown option '--formt' (did you mean '--format'?)
                (hint: run 'relia review --help' for usage)
                """);
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void aBadFormatOrSeverityIsAUsageError() {
        assertThat(CliRun.of("review", ".", "--format", "pdf").err())
                .contains("--format pdf is not a report format; expected text|json|markdown|html");
        assertThat(CliRun.of("review", ".", "--fail-on", "urgent").exitCode()).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void aMissingDirectoryIsAnInputError(@TempDir Path dir) {
        CliRun run = CliRun.of("review", dir.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err().strip()).isEqualTo(dir.resolve("nope") + ": error: no such directory; expected a "
                + "service repository (a directory)");
    }

    @Test
    void jsonReviewIsVersionedAndComplete(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("relia.yaml"), "service: api\ndependencies: [{name: db, kind: database}]\n");
        CliRun run = CliRun.of("review", dir.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.shared().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("kind").asString()).isEqualTo("review");
        assertThat(json.get("service").asString()).isEqualTo("api");
        assertThat(json.get("checklist").size()).isEqualTo(26);
        assertThat(json.get("checklist").get(1).get("status").asString()).isEqualTo("pass");
    }

    @Test
    void failOnTurnsFindingsIntoExitCode1(@TempDir Path dir) {
        assertThat(CliRun.of("review", dir.toString(), "--fail-on", "high").exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(CliRun.of("review", dir.toString(), "--fail-on", "critical").exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void writesReportsToAFileAtomically(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("out/review.html");
        CliRun run = CliRun.of("review", dir.toString(), "--format", "html", "--output", report.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("wrote " + report);
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("<svg");
        try (var files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report);
        }
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("review", "validate")
                .endsWith("complete -F _complete_relia -o default relia ./relia\n");
        assertThat(CliRun.of("completion", "zsh").out()).startsWith("autoload -U +X compinit");
        assertThat(CliRun.of("completion", "fish").exitCode()).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void validateAcceptsAValidRunbook(@TempDir Path dir) throws IOException {
        Path runbook = dir.resolve("runbook.yaml");
        Files.writeString(runbook, "name: X\ndiagnosis_steps: [{action: look}]\nmitigation_options: "
                + "[{name: undo, risk: low}]\n");
        CliRun run = CliRun.of("validate", runbook.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(runbook + ": ok (runbook: read)\n");
    }

    @Test
    void strictTurnsUnknownKeysIntoErrors(@TempDir Path dir) throws IOException {
        Path runbook = dir.resolve("runbook.yaml");
        Files.writeString(runbook, "name: X\nowner: me\nescalaton: {}\ndiagnosis_steps: [{action: look}]\n"
                + "mitigation_options: [{name: undo, risk: low}]\n");
        assertThat(CliRun.of("validate", runbook.toString()).exitCode()).isZero();
        CliRun strict = CliRun.of("validate", "--strict", runbook.toString());
        assertThat(strict.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(strict.err()).contains(":3:1: error: unknown key \"escalaton\" (hint: did you mean \"escalation\"?)");
    }
}
