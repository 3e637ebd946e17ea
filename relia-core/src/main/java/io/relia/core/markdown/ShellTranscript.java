package io.relia.core.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * A code block that shows a terminal session ({@code $ kubectl get pods} followed by what it printed): only the
 * prompted lines are commands. Runbooks paste such sessions to show what to expect; running the output is wrong.
 */
final class ShellTranscript {

    private ShellTranscript() {
    }

    static boolean isTranscript(String block) {
        return block.lines().anyMatch(line -> line.stripLeading().startsWith("$ "));
    }

    /** The prompted commands, one a line, continuation lines kept with their command. */
    static String commands(String block) {
        List<String> commands = new ArrayList<>();
        boolean continues = false;
        for (String line : block.lines().toList()) {
            String stripped = line.stripLeading();
            if (continues) {
                commands.add(line);
            } else if (stripped.startsWith("$ ")) {
                commands.add(stripped.substring(2).strip());
            } else {
                continue;
            }
            continues = line.stripTrailing().endsWith("\\");
        }
        return String.join("\n", commands).strip();
    }

    /**
     * True when a block that is no transcript has a blank line followed by more text: often a command and its
     * output pasted without prompts, which a run would execute line by line.
     */
    static boolean hasUnpromptedParts(String block) {
        return !isTranscript(block) && block.strip().matches("(?s).*\\n[ \\t]*\\n.*");
    }
}
