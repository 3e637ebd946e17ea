package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tester's reproductions of issue 28: a link to {@code /dev/zero} (was OutOfMemoryError), a FIFO (hung), a 15 MB
 * scalar (44 s, 1.9 GB) all get a plain error and exit 2. A regression hangs rather than fails, hence the timeouts,
 * which only stop a run that would never end and assert nothing about speed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void unix() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix system");
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        return fifo;
    }

    @Test
    void validateRefusesALinkToDevZeroAndAFifoWithoutReadingThem() throws IOException, InterruptedException {
        Path zero = Files.createSymbolicLink(dir.resolve("slo.yaml"), Path.of("/dev/zero"));
        Path fifo = fifo("runbook.yaml");

        CliRun run = CliRun.of("validate", zero.toString(), fifo.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err().lines()).containsExactly(
                zero + ": error: not a regular file (a link to a character device, /dev/zero); expected a regular file",
                fifo + ": error: not a regular file (a FIFO); expected a regular file");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void validateRefusesA15MegabyteScalarNamingWhereAndTheLimit() throws IOException {
        Path huge = Files.writeString(dir.resolve("runbook.yaml"), "name: " + "a".repeat(15_000_000) + "\n");

        CliRun run = CliRun.of("validate", huge.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).isEqualTo(huge + ":1:7: error: a scalar of 15000000 characters; expected at most "
                + "4194304 characters per scalar" + System.lineSeparator());
    }

    @Test
    void runbookValidateRefusesThemAlike() throws IOException, InterruptedException {
        Path fifo = fifo("pipe.yaml");

        CliRun run = CliRun.of("runbook", "validate", fifo.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(fifo + ": error: not a regular file (a FIFO)");
    }

    @Test
    void reviewTurnsASpecialFileWithAnInputsNameIntoAnInputFinding() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("reliability"));
        Path fifo = fifo("reliability/slos.yaml");
        Files.createSymbolicLink(dir.resolve("reliability/zero.yaml"), Path.of("/dev/zero"));

        CliRun run = CliRun.of("review", dir.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("input/invalid", "not a regular file (a FIFO)",
                "not a regular file (a link to a character device, /dev/zero)", fifo.getFileName().toString());
        assertThat(run.showsStackTrace()).isFalse();
    }
}
