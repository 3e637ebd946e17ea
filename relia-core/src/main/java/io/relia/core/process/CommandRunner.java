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
 * overruns is killed with its whole process tree. Used by chaos experiments and runbook runs.
 */
public final class CommandRunner {

    /** Bytes of stdout and of stderr kept per run. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** Bound on collecting the output after the process ended (a grandchild may hold the pipe open). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What a run produced.
     *
     * @param exitCode exit status, or -1 when it timed out or could not be read
     * @param stdout   standard output, up to {@link #MAX_OUTPUT_BYTES}
     * @param stderr   standard error, up to {@link #MAX_OUTPUT_BYTES}
     * @param took     wall time from start to exit or kill
     * @param timedOut true when the run overran its timeout and was killed
     */
    public record Result(int exitCode, String stdout, String stderr, Duration took, boolean timedOut) {
    }

    private CommandRunner() {
    }

    /** Runs {@code command} in the current directory with the inherited environment. */
    public static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(command, timeout, null, Map.of());
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) with {@code environment} added to the
     * inherited environment; throws {@link IOException} when the program cannot be started.
     */
    public static Result run(List<String> command, Duration timeout, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process child = builder.start();
        CompletableFuture<String> stdout = drain(child.getInputStream());
        CompletableFuture<String> stderr = drain(child.getErrorStream());
        try {
            boolean finished = child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(child);
                child.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Result(finished ? child.exitValue() : -1, collected(stdout), collected(stderr), took,
                    !finished);
        } finally {
            if (child.isAlive()) {
                killTree(child);
            }
        }
    }

    /** Kills a process and every descendant, children first. */
    public static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String collected(CompletableFuture<String> output) throws InterruptedException {
        try {
            return output.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException unreadable) {
            output.cancel(true);
            return "";
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            byte[] kept = new byte[MAX_OUTPUT_BYTES];
            int size = 0;
            byte[] buffer = new byte[8192];
            try (in) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    int copy = Math.min(read, MAX_OUTPUT_BYTES - size);
                    System.arraycopy(buffer, 0, kept, size, copy);
                    size += copy;
                }
            } catch (IOException closed) {
                // the process was killed: keep what was read
            }
            return new String(kept, 0, size, StandardCharsets.UTF_8);
        }, runnable -> Thread.ofVirtual().start(runnable));
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
