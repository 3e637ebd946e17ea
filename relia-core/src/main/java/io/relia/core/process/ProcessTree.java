package io.relia.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started program and every process it starts, however they detach. The program runs with a marker in its
 * environment, {@value #MARKER}{@code =<random id>}, which its children inherit; killing the tree kills the program,
 * its descendants, and every process of this user whose environment holds the marker: the children that called
 * {@code setsid}, and those whose parent exited so that they were handed to init ({@code (cmd &)}, double forks).
 * They get SIGKILL, in sweeps until none is left, so that a child forking meanwhile is caught by the next sweep.
 *
 * <p>What escapes: a process that clears or replaces its environment ({@code env -i}); one that another service
 * starts on the program's behalf ({@code systemd-run}, {@code at}, a container runtime); and, where there is no
 * {@code /proc} (anything but Linux), every process that is no longer a descendant.
 */
public final class ProcessTree {

    /** The environment variable that marks a tree's processes. */
    public static final String MARKER = "RELIA_COMMAND_ID";
    /** Bound on the sweeps of {@link #kill()}: a fork bomb is not outrun, only outlasted for this long. */
    private static final int MAX_SWEEPS = 50;
    /** How long a sweep waits for the processes it killed to go. */
    private static final long SWEEP_WAIT_MS = 200;
    /** Bound on the environment read per process: a marker is near the end only in a huge environment. */
    private static final int MAX_ENVIRONMENT_BYTES = 1 << 20;
    private static final Path PROC = Path.of("/proc");

    private final Process process;
    private final String id;

    private ProcessTree(Process process, String id) {
        this.process = process;
        this.id = id;
    }

    /** Starts {@code builder}'s program with a fresh marker added to its environment. */
    public static ProcessTree start(ProcessBuilder builder) throws IOException {
        String id = UUID.randomUUID().toString();
        builder.environment().put(MARKER, id);
        return new ProcessTree(builder.start(), id);
    }

    /** The program itself. */
    public Process process() {
        return process;
    }

    /** The marker's value, unique to this tree. */
    public String id() {
        return id;
    }

    /**
     * Kills the program and every process of its tree (SIGKILL), sweeping until none is left or
     * {@link #MAX_SWEEPS} sweeps have run; returns the processes still alive then (none, but for a fork bomb).
     */
    public List<ProcessHandle> kill() {
        List<ProcessHandle> alive = members();
        for (int sweep = 0; sweep < MAX_SWEEPS && !alive.isEmpty(); sweep++) {
            alive.forEach(ProcessHandle::destroyForcibly);
            awaitExit(alive);
            alive = members();
        }
        return alive;
    }

    /** The live processes of the tree: the program, its descendants, and every process holding the marker. */
    public List<ProcessHandle> members() {
        Map<Long, ProcessHandle> members = new LinkedHashMap<>();
        if (process.isAlive()) {
            members.put(process.pid(), process.toHandle());
        }
        process.descendants().filter(ProcessHandle::isAlive).forEach(handle -> members.put(handle.pid(), handle));
        for (ProcessHandle handle : marked(id)) {
            members.putIfAbsent(handle.pid(), handle);
        }
        return List.copyOf(members.values());
    }

    /**
     * The processes whose environment holds {@code MARKER=id}, as far as this user may read environments (its own
     * processes); empty without {@code /proc}. Processes that have exited but are not yet reaped show no
     * environment, so they are not listed.
     */
    public static List<ProcessHandle> marked(String id) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        byte[] entry = (MARKER + "=" + id).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entryPath : entries) {
                Optional<Long> pid = pid(entryPath);
                if (pid.isPresent() && pid.get() != self && holds(entryPath.resolve("environ"), entry)) {
                    ProcessHandle.of(pid.get()).ifPresent(found::add);
                }
            }
        } catch (IOException | RuntimeException unlisted) {
            // /proc could not be listed: the descendants are all we know of
        }
        return found;
    }

    private static Optional<Long> pid(Path procEntry) {
        try {
            return Optional.of(Long.parseLong(procEntry.getFileName().toString()));
        } catch (NumberFormatException notAProcess) {
            return Optional.empty();
        }
    }

    /** True when the NUL-separated environment in {@code environ} has exactly {@code entry} among its entries. */
    private static boolean holds(Path environ, byte[] entry) {
        byte[] environment;
        try (InputStream in = Files.newInputStream(environ)) {
            environment = in.readNBytes(MAX_ENVIRONMENT_BYTES);
        } catch (IOException | SecurityException unreadable) {
            // another user's process, or one that has just exited
            return false;
        }
        int start = 0;
        for (int i = 0; i <= environment.length; i++) {
            if (i == environment.length || environment[i] == 0) {
                if (i - start == entry.length && Arrays.equals(environment, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static void awaitExit(List<ProcessHandle> killed) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWEEP_WAIT_MS);
        for (ProcessHandle handle : killed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillThere) {
                // the next sweep looks again
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
