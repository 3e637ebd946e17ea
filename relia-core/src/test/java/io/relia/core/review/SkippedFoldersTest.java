package io.relia.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders skipped by name are listed with their file counts, and --include walks them. */
class SkippedFoldersTest {

    private static final String RULES = "groups:\n  - name: g\n    rules:\n      - alert: Down\n"
            + "        expr: up == 0\n";

    @TempDir
    Path directory;

    private void distWithRules(int count) throws IOException {
        Path dist = Files.createDirectories(directory.resolve("dist/rules"));
        for (int i = 0; i < count; i++) {
            Files.writeString(dist.resolve("rules-" + i + ".yaml"), RULES);
        }
    }

    @Test
    void aDistFolderOfRuleFilesIsListedAsSkippedWithItsCount() throws IOException {
        distWithRules(12);

        ServiceInventory inventory = InputDiscovery.scan(directory);

        assertThat(inventory.filesScanned()).isZero();
        assertThat(inventory.skipped()).containsExactly(new SkippedFolder(Path.of("dist"), 12, "build output"));
        assertThat(inventory.skippedNote()).contains(
                "skipped dist/ (12 files, build output); --include dist reads dist/");
    }

    @Test
    void anIncludedFolderIsRead() throws IOException {
        distWithRules(3);

        ServiceInventory inventory = InputDiscovery.scan(directory, List.of(), List.of("dist"));

        assertThat(inventory.ofKind(InputKind.PROMETHEUS_RULES)).hasSize(3);
        assertThat(inventory.skipped()).isEmpty();
        assertThat(inventory.skippedNote()).isEmpty();
    }

    @Test
    void anIncludeMayNameOneFolderByItsPath() throws IOException {
        Files.createDirectories(directory.resolve("web/dist"));
        Files.writeString(directory.resolve("web/dist/alerts.yaml"), RULES);
        Files.createDirectories(directory.resolve("api/dist"));
        Files.writeString(directory.resolve("api/dist/alerts.yaml"), RULES);

        ServiceInventory inventory = InputDiscovery.scan(directory, List.of(), List.of("web/dist"));

        assertThat(inventory.ofKind(InputKind.PROMETHEUS_RULES)).extracting(DiscoveredInput::relative)
                .containsExactly(Path.of("web/dist/alerts.yaml"));
        assertThat(inventory.skipped()).extracting(SkippedFolder::relative).containsExactly(Path.of("api/dist"));
    }

    @Test
    void anEmptySkippedFolderIsNotWorthANote() throws IOException {
        Files.createDirectories(directory.resolve("target"));

        ServiceInventory inventory = InputDiscovery.scan(directory);

        assertThat(inventory.skipped()).extracting(SkippedFolder::files).containsExactly(0);
        assertThat(inventory.skippedNote()).isEmpty();
    }
}
