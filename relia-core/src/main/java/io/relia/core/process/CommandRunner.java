package io.relia.core.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program to completion within a timeout: standard input is empty, standard output and error are drained
 * concurrently and kept up to a bound (the rest is read and dropped so the child never blocks), and a program that
 * overruns is killed with its whole process tree ({@link ProcessTree}: its descendants and the children that
 * detached with {@code setsid} or a double fork). A program that finishes in time may leave children behind on
 * purpose (a daemon it starts); they are not touched. Used by chaos experiments and runbook runs.
 */
public final class CommandRunner {

    /** Bytes of stdout and of stderr kept per run. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** Bound on collecting the output after the process ended (a grandchild may hold the pipe open). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private CommandRunner() {
    }

    /** Runs {@code command} in the current directory with the inherited environment. */
    public static CommandResult run(List<String> command, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, timeout, null, Map.of());
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) with {@code environment} added to the
     * inherited environment; throws {@link IOException} when the program cannot be started.
     */
    public static CommandResult run(List<String> command, Duration timeout, Path directory,
                                    Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        ProcessTree tree = ProcessTree.start(builder);
        Process child = tree.process();
        Drain stdout = new Drain(child.getInputStream());
        Drain stderr = new Drain(child.getErrorStream());
        try {
            boolean finished = child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                tree.kill();
                child.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            awaitEnd(stdout, stderr);
            return new CommandResult(finished ? child.exitValue() : -1, stdout.text(), stderr.text(), took, !finished);
        } finally {
            if (child.isAlive()) {
                // interrupted while waiting: nothing of the tree may outlive the run
                tree.kill();
            }
        }
    }

    /** Waits for both streams to end; if a leftover grandchild keeps one open, what was read by then is kept. */
    private static void awaitEnd(Drain stdout, Drain stderr) throws InterruptedException {
        try {
            CompletableFuture.allOf(stdout.done(), stderr.done()).get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException stillOpen) {
            // keep what was read so far
        }
    }

    /** Reads a stream to its end on a virtual thread, keeping the first {@link #MAX_OUTPUT_BYTES} bytes. */
    private static final class Drain {
        private final byte[] kept = new byte[MAX_OUTPUT_BYTES];
        private int size;
        private final CompletableFuture<Void> done;

        Drain(InputStream in) {
            done = CompletableFuture.runAsync(() -> read(in), runnable -> Thread.ofVirtual().start(runnable));
        }

        private void read(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    synchronized (this) {
                        int copy = Math.min(read, MAX_OUTPUT_BYTES - size);
                        System.arraycopy(buffer, 0, kept, size, copy);
                        size += copy;
                    }
                }
            } catch (IOException closed) {
                // the process was killed: keep what was read
            }
        }

        CompletableFuture<Void> done() {
            return done;
        }

        synchronized String text() {
            return new String(kept, 0, size, StandardCharsets.UTF_8);
        }
    }

    /** The file that reads as empty ({@code /dev/null}, {@code NUL} on Windows), for a child's standard input. */
    public static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
