package io.relia.core.process;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A step that overruns takes every process it started with it: background children, children that called
 * {@code setsid}, and those a subshell or a double fork handed to init. Checked from {@code /proc}, independently
 * of the code under test.
 */
class ProcessTreeTest {

    /** Starts a session leader, a subshell's orphan and a double fork's orphan, then waits in the foreground. */
    private static final String DETACHING = "echo $" + ProcessTree.MARKER + "; setsid sleep 300 & (sleep 300 &) ; "
            + "sh -c 'sleep 300 &' ; setsid -f sleep 300 ; sleep 300";

    @BeforeEach
    void linux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
    }

    @Test
    void aTimedOutCommandLeavesNoProcessWithItsMarker() throws Exception {
        CommandResult result = CommandRunner.run(List.of("/bin/sh", "-c", DETACHING), Duration.ofSeconds(2));

        assertThat(result.timedOut()).isTrue();
        String id = result.stdout().lines().findFirst().orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(awaitNoneMarked(id)).as("processes still holding %s=%s", ProcessTree.MARKER, id).isEmpty();
    }

    @Test
    void killingATreeTakesDetachedChildrenWithIt() throws Exception {
        ProcessTree tree = ProcessTree.start(new ProcessBuilder("/bin/sh", "-c", DETACHING)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        // Bounded wait until all five sleeps and the shell run (or the bound is reached).
        for (int i = 0; i < 200 && markedProcesses(tree.id()).size() < 6; i++) {
            TimeUnit.MILLISECONDS.sleep(25);
        }
        assertThat(markedProcesses(tree.id())).hasSizeGreaterThanOrEqualTo(6);

        assertThat(tree.kill()).isEmpty();

        assertThat(awaitNoneMarked(tree.id())).isEmpty();
        assertThat(tree.process().isAlive()).isFalse();
    }

    @Test
    void aCommandThatFinishesInTimeKeepsTheChildrenItLeftOnPurpose() throws Exception {
        CommandResult result = CommandRunner.run(List.of("/bin/sh", "-c",
                "echo $" + ProcessTree.MARKER + "; (sleep 300 > /dev/null 2>&1 &)"), Duration.ofSeconds(30));
        String id = result.stdout().lines().findFirst().orElseThrow();
        try {
            assertThat(result.timedOut()).isFalse();
            assertThat(markedProcesses(id)).hasSize(1);
        } finally {
            ProcessTree.marked(id).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void findsTheMarkerOnlyAsAWholeEnvironmentEntry() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", "300");
        builder.environment().put("OTHER", ProcessTree.MARKER + "=abc");
        builder.environment().put(ProcessTree.MARKER, "abcd");
        Process unrelated = builder.start();
        try {
            assertThat(ProcessTree.marked("abc")).isEmpty();
            assertThat(ProcessTree.marked("abcd")).extracting(ProcessHandle::pid).containsExactly(unrelated.pid());
        } finally {
            unrelated.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Polls /proc a bounded number of times for processes holding the marker; what is left at the end. */
    private static List<Long> awaitNoneMarked(String id) throws IOException, InterruptedException {
        List<Long> left = markedProcesses(id);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
            left = markedProcesses(id);
        }
        return left;
    }

    /** Live processes whose environment holds MARKER=id, read straight from /proc. */
    private static List<Long> markedProcesses(String id) throws IOException {
        String entry = ProcessTree.MARKER + "=" + id;
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String environment = new String(Files.readAllBytes(process.resolve("environ")),
                            StandardCharsets.UTF_8);
                    if (List.of(environment.split("\0")).contains(entry)) {
                        pids.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException goneOrNotOurs) {
                    // exited meanwhile, or another user's
                }
            }
        }
        return pids;
    }
}
