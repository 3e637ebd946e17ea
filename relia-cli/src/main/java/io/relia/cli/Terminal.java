package io.relia.cli;

import java.io.Console;

/** Whether Relia talks to a person at a terminal (live progress lines) or to a pipe or file. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when standard input and output are a terminal. From JDK 22 {@code System.console()} exists even when
     * redirected and {@code Console.isTerminal()} tells; Relia targets 21, so that method is looked up when present.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException older) {
            return true;
        } catch (ReflectiveOperationException unexpected) {
            // cannot tell: no live progress line, which is safe for pipes and files
            return false;
        }
    }
}
