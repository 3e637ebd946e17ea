package io.relia.chaos.run;

import io.relia.chaos.experiment.Provider;
import io.relia.core.process.ProcessTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A process an experiment started dies with every child it detached, when it is killed or the run ends. */
class ProcessesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void linux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
    }

    /** Detaches a session leader and a subshell's orphan, then writes its marker to {@code ready}. */
    private List<String> detaching(Path ready) {
        return List.of("/bin/sh", "-c", "setsid sleep 300 & (sleep 300 &) ; echo $" + ProcessTree.MARKER
                + " > '" + ready + "'; sleep 300");
    }

    @Test
    void killingAStartedProcessKillsItsDetachedChildren() throws Exception {
        Path ready = dir.resolve("ready");
        UndoLog undo = new UndoLog();
        try (Processes processes = new Processes()) {
            processes.control(new Provider.ProcessControl(Provider.Signal.START, "worker", detaching(ready)), undo);
            String id = awaitMarker(ready);

            processes.control(new Provider.ProcessControl(Provider.Signal.KILL, "worker", List.of()), undo);

            assertThat(ProcessTree.marked(id)).isEmpty();
        }
    }

    @Test
    void theEndOfTheRunKillsWhatItStartedWithItsDetachedChildren() throws Exception {
        Path ready = dir.resolve("ready");
        String id;
        try (Processes processes = new Processes()) {
            processes.control(new Provider.ProcessControl(Provider.Signal.START, "worker", detaching(ready)),
                    new UndoLog());
            id = awaitMarker(ready);
        }
        assertThat(ProcessTree.marked(id)).isEmpty();
    }

    @Test
    void aProcessProbeThatTimesOutLeavesNothingBehind() throws Exception {
        Path ready = dir.resolve("ready");
        assertThat(catchThrowable(() -> Processes.run(new Provider.Process(
                "/bin/sh", detaching(ready).subList(1, 3), Duration.ofSeconds(2)))))
                .isInstanceOf(ActivityFailure.class).hasMessageContaining("was killed");
        assertThat(ProcessTree.marked(awaitMarker(ready))).isEmpty();
    }

    @Test
    void aStartedProcessRunsWithTheMarker() throws Exception {
        try (Processes processes = new Processes()) {
            Map<String, Object> started = processes.control(new Provider.ProcessControl(Provider.Signal.START, "s",
                    List.of("sleep", "300")), new UndoLog());
            long pid = ((Number) started.get("pid")).longValue();
            String environment = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")),
                    StandardCharsets.UTF_8);
            assertThat(environment).contains(ProcessTree.MARKER + "=");
        }
    }

    private static String awaitMarker(Path ready) throws IOException, InterruptedException {
        for (int i = 0; i < 400 && (!Files.exists(ready) || Files.readString(ready).isBlank()); i++) {
            TimeUnit.MILLISECONDS.sleep(25);
        }
        return Files.readString(ready).strip();
    }
}
