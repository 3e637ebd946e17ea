package io.relia.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The completion script sourced in a real bash: registered for relia and ./relia, and completing both. */
@Tag("integration")
class CompletionScriptTest {

    @Test
    void theScriptRegistersReliaAndDotSlashRelia(@TempDir Path dir) throws Exception {
        Path script = script(dir);

        assertThat(bash(script, "complete -p relia ./relia")).isEqualTo("""
                complete -o default -F _complete_relia relia
                complete -o default -F _complete_relia ./relia
                """);
    }

    @Test
    void dotSlashReliaCompletesCommandsOptionsAndValues(@TempDir Path dir) throws Exception {
        Path script = script(dir);

        assertThat(complete(script, "./relia", "load", "r")).isEqualTo("run");
        assertThat(complete(script, "./relia", "inc")).isEqualTo("incident");
        assertThat(complete(script, "./relia", "review", "--fo")).isEqualTo("--format");
        assertThat(complete(script, "./relia", "review", "--format", "")).isEqualTo("text json markdown html");
        assertThat(complete(script, "relia", "slo", "sta")).isEqualTo("status");
    }

    private static Path script(Path dir) throws IOException {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).isZero();
        return Files.writeString(dir.resolve("relia-completion.bash"), run.out());
    }

    /** What the completion function offers for the last of {@code words}, as bash calls it on Tab. */
    private static String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        return bash(script, "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _complete_relia 2>/dev/null; echo \"${COMPREPLY[*]}\"").strip();
    }

    private static String bash(Path script, String commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("/bin/bash", "--norc", "--noprofile", "-c",
                "source '" + script + "' && " + commands)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
