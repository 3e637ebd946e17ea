package io.relia.slo.promtool;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real {@code promtool} (Prometheus' rule checker and rule unit-test runner) on files in a test's temporary
 * directory. Tests that use it skip, loudly, where promtool is not installed.
 */
final class Promtool {

    /** Generous for a loaded 2-core machine: the longest scenario, six days of rules at 5m, takes about ten seconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * What one promtool run returned.
     *
     * @param exitCode promtool's exit code (0 success, 1 failed check or test)
     * @param output   standard output and standard error, interleaved
     */
    record Result(int exitCode, String output) {
    }

    private final Path executable;
    private final Path directory;

    private Promtool(Path executable, Path directory) {
        this.executable = executable;
        this.directory = directory;
    }

    /** The promtool on {@code PATH}, working in {@code directory}; skips the calling test when there is none. */
    static Promtool inDirectory(Path directory) {
        Optional<Path> found = onPath();
        assumeTrue(found.isPresent(), "promtool not installed: rule validation tests skipped; "
                + "run ./run-tests as root or apt-get install prometheus");
        return new Promtool(found.get(), directory);
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry, "promtool");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Writes {@code text} to {@code name} in the working directory and returns its path. */
    Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** {@code promtool check rules FILE}. */
    Result checkRules(Path ruleFile) throws IOException, InterruptedException {
        return run(List.of("check", "rules", ruleFile.toString()));
    }

    /** {@code promtool test rules FILE}: runs the rule unit tests of a test file. */
    Result testRules(Path testFile) throws IOException, InterruptedException {
        return run(List.of("test", "rules", testFile.toString()));
    }

    /** Runs promtool with {@code arguments}; fails the test when it outlives {@link #TIMEOUT}. */
    Result run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        // Output goes to a file rather than a pipe, so a chatty promtool can never block on a full pipe buffer.
        Path output = Files.createTempFile(directory, "promtool-", ".out");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("promtool " + String.join(" ", arguments) + " did not finish within "
                        + TIMEOUT.toSeconds() + " s; output so far:\n" + Files.readString(output));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Writes the rules and the unit test of {@code test} into the directory and runs {@code promtool test rules}. */
    Result run(RuleUnitTest test) throws IOException, InterruptedException {
        write("rules.yaml", test.rules().yaml());
        return testRules(write("rules-test.yaml", test.yaml("rules.yaml")));
    }

    /** Runs {@code test} and asserts that promtool passes it. */
    void assertPasses(RuleUnitTest test) throws IOException, InterruptedException {
        Result result = run(test);
        org.assertj.core.api.Assertions.assertThat(result.exitCode()).as(result.output()).isZero();
        org.assertj.core.api.Assertions.assertThat(result.output()).contains("SUCCESS");
    }
}
