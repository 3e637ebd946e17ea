package io.relia.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code relia} in its own JVM writing into a pipe whose reader leaves early, and into a full disk: the first ends
 * quietly with status 0 (as {@code git log | head} does, so {@code set -o pipefail} scripts keep working), the second
 * is an error, exit 3.
 */
@Tag("integration")
class StandardOutputProcessTest {

    /** The completion script is about 100 KB, more than a pipe holds: the writer must meet the closed pipe. */
    private static final String[] LONG_OUTPUT = {"completion", "bash"};

    @Test
    void aPipeClosedByHeadEndsQuietlyWithStatusZero(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "set -o pipefail; \"$@\" | head -n 1",
                "relia"));
        command.addAll(relia(LONG_OUTPUT));
        Outcome outcome = run(new ProcessBuilder(command), dir);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).isEqualTo("#!/usr/bin/env bash\n");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void theSameOutputWithoutAPipeIsComplete(@TempDir Path dir) throws Exception {
        Outcome outcome = run(new ProcessBuilder(relia(LONG_OUTPUT)), dir);

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out().length()).as("longer than a pipe's 64 KiB").isGreaterThan(65_536);
        assertThat(outcome.out().lines().toList().getLast()).startsWith("complete -F _complete_relia");
    }

    @Test
    void aFullDiskIsAnExternalFailure(@TempDir Path dir) throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "needs /dev/full");
        ProcessBuilder builder = new ProcessBuilder(relia("--help")).redirectOutput(full)
                .redirectError(dir.resolve("err").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("err"))).startsWith("relia: error: cannot write to standard output: ")
                .doesNotContain("Exception");
    }

    private static List<String> relia(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "io.relia.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static Outcome run(ProcessBuilder builder, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Outcome(int exitCode, String out, String err) {
    }
}
