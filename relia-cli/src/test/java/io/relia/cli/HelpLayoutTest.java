package io.relia.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HelpLayoutTest {

    @Test
    void everySubcommandIsSummedUpByOneWholeSentenceOnOneLineOfItsParentsHelp() {
        Map<String, CommandLine> commands = commands(HelpLayout.WIDEST);
        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            String[] description = command.getValue().getCommandSpec().usageMessage().description();
            assertThat(description).as(command.getKey() + " has a description").isNotEmpty();
            String summary = description[0];
            assertThat(summary).as(command.getKey() + ": the summary is a sentence").matches("[A-Z].*\\.");
            if (command.getKey().contains(" ")) {
                String name = command.getValue().getCommandName();
                String parent = command.getKey().substring(0, command.getKey().lastIndexOf(' '));
                List<String> parentHelp = commands.get(parent).getUsageMessage(Ansi.OFF).lines().toList();
                String entry = parentHelp.stream().filter(line -> line.matches("  " + name + " +\\S.*")).findFirst()
                        .orElseThrow();
                assertThat(entry).as(command.getKey() + " in the help of " + parent + ": whole, on one line")
                        .endsWith(" " + summary);
            }
        }
        assertThat(commands).hasSizeGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(ints = {HelpLayout.WIDEST, 80, HelpLayout.NARROWEST})
    void noLineOfAnyHelpIsWiderThanTheTerminal(int columns) {
        for (Map.Entry<String, CommandLine> command : commands(columns).entrySet()) {
            for (String line : command.getValue().getUsageMessage(Ansi.OFF).lines().toList()) {
                assertThat(line.length()).as("%s --help at %d columns:%n%s", command.getKey(), columns, line)
                        .isLessThanOrEqualTo(columns);
            }
        }
    }

    @Test
    void theLinesOfAParagraphAreJoinedAndIndentedLinesKept() {
        assertThat(HelpLayout.paragraphs(new String[] {"Send load.", "", "Requests arrive at a rate", "or with a",
            "fixed concurrency.", "", "Examples:", "  relia load run URL", "  relia load run FILE", ""}))
                .containsExactly("Send load.", "", "Requests arrive at a rate or with a fixed concurrency.", "",
                        "Examples:", "  relia load run URL", "  relia load run FILE", "");
    }

    @Test
    void linesAligningColumnsStayAsWritten() {
        assertThat(HelpLayout.paragraphs(new String[] {"Plan instances.", "", "now      = ceil(peak / capacity)",
            "horizon  = ceil(forecast / capacity)", ""}))
                .containsExactly("Plan instances.", "", "now      = ceil(peak / capacity)",
                        "horizon  = ceil(forecast / capacity)", "");
    }

    @Test
    void theWidthFollowsAnExportedColumnsWithinBounds() {
        assertThat(HelpLayout.terminalColumns("80")).isEqualTo(80);
        assertThat(HelpLayout.terminalColumns(null)).isEqualTo(HelpLayout.WIDEST);
        assertThat(HelpLayout.terminalColumns("wide")).isEqualTo(HelpLayout.WIDEST);
        CommandLine narrow = Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
        HelpLayout.apply(narrow, 20);
        assertThat(narrow.getUsageHelpWidth()).isEqualTo(HelpLayout.NARROWEST);
        HelpLayout.apply(narrow, 300);
        assertThat(narrow.getUsageHelpWidth()).isEqualTo(HelpLayout.WIDEST);
    }

    /** Every command by its name ("relia", "relia load run"), laid out for {@code columns}. */
    private static Map<String, CommandLine> commands(int columns) {
        CommandLine root = Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
        HelpLayout.apply(root, columns);
        Map<String, CommandLine> all = new LinkedHashMap<>();
        collect(root, "relia", all);
        return all;
    }

    private static void collect(CommandLine command, String name, Map<String, CommandLine> into) {
        into.put(name, command);
        command.getSubcommands().forEach((sub, line) -> {
            if (sub.equals(line.getCommandName())) {
                collect(line, name + " " + sub, into);
            }
        });
    }
}
