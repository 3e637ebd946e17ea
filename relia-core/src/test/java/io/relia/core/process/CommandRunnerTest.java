package io.relia.core.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRunnerTest {

    @TempDir
    Path dir;

    @Test
    void reportsExitCodeAndBothStreams() throws Exception {
        CommandResult result = CommandRunner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void keepsABoundedAmountOfOutputAndStillFinishes() throws Exception {
        CommandResult result = CommandRunner.run(List.of("sh", "-c", "head -c 1000000 /dev/zero"),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(CommandRunner.MAX_OUTPUT_BYTES);
    }

    @Test
    void killsAnOverrunningProgramAndItsChildren() throws Exception {
        long started = System.nanoTime();
        CommandResult result = CommandRunner.run(List.of("sh", "-c", "sleep 30 & echo $!; sleep 30"),
                Duration.ofSeconds(1));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(wall).isLessThan(Duration.ofSeconds(20));
        ProcessHandle background = ProcessHandle.of(Long.parseLong(result.stdout().strip())).orElse(null);
        if (background != null) {
            background.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsTheOutputReadSoFarWhenALeftoverChildHoldsThePipeOpen() throws Exception {
        CommandResult result = CommandRunner.run(List.of("sh", "-c", "echo started; sleep 30 & echo $!"),
                Duration.ofSeconds(10));
        try {
            assertThat(result.exitCode()).isZero();
            assertThat(result.timedOut()).isFalse();
            assertThat(result.stdout()).startsWith("started\n");
        } finally {
            result.stdout().lines().skip(1).findFirst().map(Long::parseLong).flatMap(ProcessHandle::of)
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void runsInTheGivenDirectoryWithTheGivenEnvironment() throws Exception {
        CommandResult result = CommandRunner.run(List.of("sh", "-c", "pwd; echo $RELIA_TEST_VALUE"),
                Duration.ofSeconds(30), dir, Map.of("RELIA_TEST_VALUE", "hello"));

        assertThat(result.stdout()).isEqualTo(dir.toRealPath() + "\nhello\n");
    }

    @Test
    void aProgramThatDoesNotExistIsAnIoError() {
        assertThatThrownBy(() -> CommandRunner.run(List.of("/no/such/program"), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
    }
}
