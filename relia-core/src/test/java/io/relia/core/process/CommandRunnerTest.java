package io.relia.core.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRunnerTest {

    @TempDir
    Path dir;

    @Test
    void reportsExitCodeAndBothStreams() throws Exception {
        CommandRunner.Result result = CommandRunner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void keepsABoundedAmountOfOutputAndStillFinishes() throws Exception {
        CommandRunner.Result result = CommandRunner.run(List.of("sh", "-c", "head -c 1000000 /dev/zero"),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(CommandRunner.MAX_OUTPUT_BYTES);
    }

    @Test
    void killsAnOverrunningProgramAndItsChildren() throws Exception {
        CommandRunner.Result result = CommandRunner.run(List.of("sh", "-c", "sleep 30 & sleep 30"),
                Duration.ofSeconds(1));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.took()).isLessThan(Duration.ofSeconds(25));
    }

    @Test
    void runsInTheGivenDirectoryWithTheGivenEnvironment() throws Exception {
        CommandRunner.Result result = CommandRunner.run(List.of("sh", "-c", "pwd; echo $RELIA_TEST_VALUE"),
                Duration.ofSeconds(30), dir, Map.of("RELIA_TEST_VALUE", "hello"));

        assertThat(result.stdout()).isEqualTo(dir.toRealPath() + "\nhello\n");
    }

    @Test
    void aProgramThatDoesNotExistIsAnIoError() {
        assertThatThrownBy(() -> CommandRunner.run(List.of("/no/such/program"), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
    }
}
