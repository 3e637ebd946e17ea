package io.relia.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** Whether Relia talks to a person at a terminal (live progress lines) or to a pipe or file. */
final class Terminal {

    /** Columns assumed at a terminal that does not say how wide it is. */
    static final int DEFAULT_WIDTH = 100;
    /**
     * Columns for output to a file or a pipe: no wrapping, as {@code ls -l} and {@code git log} do, so that a line
     * stays whole for grep and a table keeps its natural width.
     */
    static final int UNWRAPPED = 10_000;
    /** How long {@code stty} may take to answer: it reads a local device, so any longer means it hangs. */
    private static final long STTY_TIMEOUT_MS = 500;

    private Terminal() {
    }

    /**
     * Columns that text reports wrap at: {@code COLUMNS} when set (shells set it, users override it), else the
     * terminal's own width ({@code stty size}) when standard output is one ({@value #DEFAULT_WIDTH} when it cannot
     * tell), else no wrapping at all (a file or a pipe).
     */
    static int width() {
        return width(System.getenv("COLUMNS"), isInteractive());
    }

    static int width(String columns, boolean interactive) {
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        return interactive ? sttyWidth().orElse(DEFAULT_WIDTH) : UNWRAPPED;
    }

    /** The controlling terminal's columns from {@code stty size} ("rows columns"); empty when it cannot tell. */
    private static OptionalInt sttyWidth() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return OptionalInt.empty();
        }
        Process stty = null;
        try {
            stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(STTY_TIMEOUT_MS, TimeUnit.MILLISECONDS) || stty.exitValue() != 0) {
                return OptionalInt.empty();
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                    .split("\\s+");
            return size.length == 2 && size[1].matches("\\d{1,4}") && Integer.parseInt(size[1]) > 0
                    ? OptionalInt.of(Integer.parseInt(size[1])) : OptionalInt.empty();
        } catch (IOException unavailable) {
            return OptionalInt.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } finally {
            if (stty != null) {
                stty.destroyForcibly();
            }
        }
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
