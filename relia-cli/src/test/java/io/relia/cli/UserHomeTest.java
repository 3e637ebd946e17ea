package io.relia.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The home directory Relia keeps its store and caches under is the shell's {@code $HOME}, as for git. */
class UserHomeTest {

    @Test
    void followsTheHomeVariable() {
        assertThat(UserHome.directory("/tmp/demo-home", "/root")).isEqualTo(Path.of("/tmp/demo-home"));
    }

    @Test
    void fallsBackToTheJvmsUserHomeWhenHomeIsUnsetOrBlank() {
        assertThat(UserHome.directory(null, "/home/alice")).isEqualTo(Path.of("/home/alice"));
        assertThat(UserHome.directory(" ", "/home/alice")).isEqualTo(Path.of("/home/alice"));
    }

    @Test
    @Tag("integration")
    void anIncidentDeclaredWithAnotherHomeIsStoredThere(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.relia.cli.Main", "incident", "new", "Disk full",
                "--severity", "SEV3")).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("RELIA_DATA");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out"))).isZero();
        assertThat(Files.readString(dir.resolve("out"))).startsWith("INC-1 declared");
        assertThat(home.resolve(".relia")).isDirectoryContaining(file -> file.getFileName().toString()
                .startsWith("relia.db"));
    }
}
