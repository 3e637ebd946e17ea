package io.relia.chaos.run;

import io.relia.chaos.experiment.Provider;
import io.relia.core.process.CommandResult;
import io.relia.core.process.CommandRunner;
import io.relia.core.process.ProcessTree;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs (Chaos Toolkit's {@code process} provider) and controls long-running ones by name: start, stop
 * (SIGTERM), kill (SIGKILL), pause (SIGSTOP) and resume (SIGCONT, sent with {@code kill} as Java has no call for
 * them). Outputs are trimmed and bounded. A kill, the undo of a start and the end of the run kill the whole process
 * tree ({@link ProcessTree}), children that detached with {@code setsid} or a double fork included.
 */
final class Processes implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Map<String, ProcessTree> started = new ConcurrentHashMap<>();

    /** Runs to completion within the timeout; output {@code {status, stdout, stderr}}. */
    static Map<String, Object> run(Provider.Process process) throws ActivityFailure, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(process.path());
        command.addAll(process.arguments());
        CommandResult result;
        try {
            result = CommandRunner.run(command, process.timeout());
        } catch (IOException cannotStart) {
            throw new ActivityFailure("cannot start " + process.path() + ": " + cannotStart.getMessage(), cannotStart);
        }
        if (result.timedOut()) {
            throw new ActivityFailure(process.path() + " did not finish within " + process.timeout().toMillis()
                    + " ms and was killed");
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("status", result.exitCode());
        output.put("stdout", result.stdout().strip());
        output.put("stderr", result.stderr().strip());
        return output;
    }

    /** Starts, stops, kills, pauses or resumes; output {@code {pid}} or {@code {pid, status}}. */
    Map<String, Object> control(Provider.ProcessControl control, UndoLog undo)
            throws ActivityFailure, InterruptedException {
        if (control.signal() == Provider.Signal.START) {
            try {
                ProcessTree child = ProcessTree.start(new ProcessBuilder(control.command()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(CommandRunner.nullDevice())));
                ProcessTree previous = started.put(control.name(), child);
                if (previous != null) {
                    previous.kill();
                }
                undo.record(new UndoLog.ProcessChanged(control.name(), false));
                return Map.of("pid", child.process().pid());
            } catch (IOException cannotStart) {
                throw new ActivityFailure("cannot start " + control.command() + ": " + cannotStart.getMessage(),
                        cannotStart);
            }
        }
        ProcessTree tree = started.get(control.name());
        if (tree == null) {
            throw new ActivityFailure("no process named \"" + control.name() + "\" was started by this run");
        }
        Process child = tree.process();
        switch (control.signal()) {
            case STOP -> {
                child.destroy();
                if (!child.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new ActivityFailure("process " + control.name() + " did not stop within "
                            + STOP_GRACE.toSeconds() + " s of SIGTERM");
                }
                undo.undone(new UndoLog.ProcessChanged(control.name(), false));
                undo.undone(new UndoLog.ProcessChanged(control.name(), true));
                return Map.of("pid", child.pid(), "status", child.exitValue());
            }
            case KILL -> {
                tree.kill();
                child.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                undo.undone(new UndoLog.ProcessChanged(control.name(), false));
                undo.undone(new UndoLog.ProcessChanged(control.name(), true));
                return Map.of("pid", child.pid(), "status", child.isAlive() ? -1 : child.exitValue());
            }
            case PAUSE, RESUME -> {
                boolean pause = control.signal() == Provider.Signal.PAUSE;
                signal(child.pid(), pause ? "-STOP" : "-CONT");
                if (pause) {
                    undo.record(new UndoLog.ProcessChanged(control.name(), true));
                } else {
                    undo.undone(new UndoLog.ProcessChanged(control.name(), true));
                }
                return Map.of("pid", child.pid());
            }
            default -> throw new IllegalStateException("handled above: " + control.signal());
        }
    }

    /** Undoes one change of the undo log: resumes a paused process, kills a started one. */
    void undo(UndoLog.ProcessChanged change) throws ActivityFailure, InterruptedException {
        ProcessTree tree = started.get(change.name());
        if (tree == null) {
            return;
        }
        Process child = tree.process();
        if (change.paused()) {
            if (child.isAlive()) {
                signal(child.pid(), "-CONT");
            }
        } else {
            tree.kill();
            child.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void signal(long pid, String signal) throws ActivityFailure, InterruptedException {
        Map<String, Object> result = run(new Provider.Process("kill", List.of(signal, Long.toString(pid)),
                Duration.ofSeconds(5)));
        if (!Integer.valueOf(0).equals(result.get("status"))) {
            throw new ActivityFailure("kill " + signal + " " + pid + " failed: " + result.get("stderr"));
        }
    }

    /** Kills every process still running that this run started. */
    @Override
    public void close() {
        started.values().forEach(ProcessTree::kill);
    }
}
