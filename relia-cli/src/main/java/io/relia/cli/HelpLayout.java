package io.relia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * How help fits the terminal. Descriptions are written in the sources as lines of up to 110 characters; here the
 * lines of each paragraph are joined so that picocli wraps them at the width of the terminal, and a command's first
 * paragraph, its summary in its parent's command list, is shown whole. Lines that start with a space (examples,
 * lists) or align columns with runs of spaces (formulas) stay as written.
 */
final class HelpLayout {

    /** Widest help, for reading comfort on wide terminals; picocli's narrowest is 55. */
    static final int WIDEST = 120;
    static final int NARROWEST = 55;

    private HelpLayout() {
    }

    /** Lays out the help of {@code root} and all its subcommands for a terminal {@code columns} wide. */
    static void apply(CommandLine root, int columns) {
        root.setUsageHelpWidth(Math.max(NARROWEST, Math.min(WIDEST, columns)));
        joinParagraphs(root);
    }

    /** The width of the terminal from {@code COLUMNS} when the shell exports it, else {@link #WIDEST}. */
    static int terminalColumns(String columnsVariable) {
        if (columnsVariable != null && columnsVariable.strip().matches("\\d{1,4}")) {
            return Integer.parseInt(columnsVariable.strip());
        }
        return WIDEST;
    }

    private static void joinParagraphs(CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.description(paragraphs(usage.description()));
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                joinParagraphs(sub);
            }
        });
    }

    /** Consecutive prose lines joined into one; blank, indented and aligned lines kept as they are. */
    static String[] paragraphs(String[] lines) {
        List<String> joined = new ArrayList<>();
        boolean open = false;
        for (String line : lines) {
            boolean prose = !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.strip().contains("  ");
            if (prose && open && !joined.getLast().endsWith(":")) {
                joined.set(joined.size() - 1, joined.getLast() + " " + line);
            } else {
                joined.add(line);
            }
            open = prose;
        }
        return joined.toArray(String[]::new);
    }
}
