package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsageErrorsTest {

    @Test
    void everyLongOptionOfEveryCommandIsSuggestedForATypo() {
        Map<String, CommandLine> commands = commands();
        int checked = 0;
        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                String name = option.longestName();
                if (!name.startsWith("--") || name.length() < 6) {
                    continue;
                }
                String typo = swapLastTwoLetters(name);
                if (command.getValue().getCommandSpec().optionsMap().containsKey(typo)) {
                    continue;
                }
                List<String> words = words(command.getKey());
                words.add(typo);
                CliRun run = CliRun.of(words.toArray(String[]::new));
                assertThat(run.exitCode()).as(String.join(" ", words)).isEqualTo(ExitCode.INPUT);
                assertThat(run.err()).as(String.join(" ", words)).startsWith(("relia " + command.getKey()).strip()
                        + ": error: unknown option '" + typo + "' (did you mean '" + name + "'?)");
                checked++;
            }
        }
        assertThat(checked).as("options checked").isGreaterThan(100);
    }

    @Test
    void optionsFromMixinsAreSuggestedToo() {
        CliRun run = CliRun.of("audit", ".", "--fromat", "json");
        assertThat(run.err()).isEqualTo("""
                relia audit: error: unknown option '--fromat' (did you mean '--format'?)
                (hint: run 'relia audit --help' for usage)
                """);
        assertThat(CliRun.of("incident", "list", "--dtaa", "x").err())
                .startsWith("relia incident list: error: unknown option '--dtaa' (did you mean '--data'?)");
    }

    @Test
    void aMisspeltRequiredOptionIsNamedBeforeItIsMissing() {
        CliRun run = CliRun.of("slo", "dashboard", "slos.yaml", "--ot", "dashboards");
        assertThat(run.err()).isEqualTo("""
                relia slo dashboard: error: unknown option '--ot' (did you mean '--out'?)
                relia slo dashboard: error: missing required option: '--out=DIR'
                (hint: run 'relia slo dashboard --help' for usage)
                """);
    }

    @Test
    void aShortOptionGetsNoGuess() {
        assertThat(CliRun.of("load", "run", "http://127.0.0.1:1/", "-q").err())
                .startsWith("relia load run: error: unknown option '-q'\n");
    }

    @Test
    void anOptionWithItsValueIsSuggestedByName() {
        assertThat(CliRun.of("review", ".", "--fromat=json").err())
                .startsWith("relia review: error: unknown option '--fromat=json' (did you mean '--format'?)");
    }

    @Test
    void everySubcommandIsSuggestedForATypo() {
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            if (command.getValue().getSubcommands().isEmpty() || command.getKey().isEmpty()) {
                continue;
            }
            for (String sub : command.getValue().getSubcommands().keySet()) {
                if (sub.length() < 4) {
                    continue;
                }
                String typo = swapLastTwoLetters(sub);
                List<String> words = words(command.getKey());
                words.add(typo);
                CliRun run = CliRun.of(words.toArray(String[]::new));
                assertThat(run.exitCode()).as(String.join(" ", words)).isEqualTo(ExitCode.INPUT);
                assertThat(run.err()).as(String.join(" ", words)).startsWith("relia " + command.getKey()
                        + ": error: unknown command '" + typo + "' (did you mean '" + sub + "'?)");
            }
        }
        assertThat(CliRun.of("reveiw").err()).startsWith("relia: error: unknown command 'reveiw' (did you mean "
                + "'review'?)");
    }

    @Test
    void aWordFarFromEveryNameGetsNoGuess() {
        CliRun run = CliRun.of("review", ".", "--kubernetes");
        assertThat(run.err()).startsWith("relia review: error: unknown option '--kubernetes'\n");
        assertThat(CliRun.of("frobnicate").err()).startsWith("relia: error: unknown command 'frobnicate'\n");
    }

    @Test
    void picocliMessagesReadAsOneClauseWithoutADoubledPrefix() {
        CliRun run = CliRun.of("slo", "status", "slos.yaml");
        assertThat(run.err()).startsWith("relia slo status: error: missing required argument (specify one of these):"
                + " (--prometheus=URL | --data=FILE)\n");
        assertThat(run.err()).doesNotContain("Error:");
        assertThat(CliRun.of("incident", "new").err())
                .startsWith("relia incident new: error: missing required parameter: 'TITLE'");
    }

    @Test
    void anExtraArgumentIsNamed() {
        assertThat(CliRun.of("completion", "bash", "extra").err())
                .startsWith("relia completion: error: unexpected argument 'extra'\n");
    }

    private static List<String> words(String command) {
        return command.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(command.split(" ")));
    }

    private static String swapLastTwoLetters(String name) {
        int n = name.length();
        return name.substring(0, n - 2) + name.charAt(n - 1) + name.charAt(n - 2);
    }

    /** Every command by its words after "relia" ("" for relia itself), found by walking the command tree. */
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> all = new LinkedHashMap<>();
        collect(Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())), "", all);
        return all;
    }

    private static void collect(CommandLine command, String words, Map<String, CommandLine> into) {
        into.put(words, command);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                collect(sub, (words + " " + name).strip(), into);
            }
        });
    }
}
