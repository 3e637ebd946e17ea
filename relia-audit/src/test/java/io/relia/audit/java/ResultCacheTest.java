package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-file result cache: re-runs answer unchanged files from it, and nothing stale or damaged is trusted. */
class ResultCacheTest {

    private static final String SWALLOWS = """
            class Pause {
                void pause() {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                    }
                }
            }
            """;

    private static final String RESTORES = """
            class Pause {
                void pause() {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            """;

    @Test
    void aWarmRunReportsExactlyWhatTheColdRunFound(@TempDir Path root, @TempDir Path cache) throws IOException {
        Files.writeString(root.resolve("Pause.java"), SWALLOWS);
        Files.writeString(root.resolve("Broken.java"), "class Broken {\n    void run( {\n}\n");

        AuditContext cold = audit(root, cache);
        AuditContext warm = audit(root, cache);

        assertThat(cold.findings()).extracting(Finding::ruleId).contains("java/interrupted-swallowed");
        assertThat(warm.findings()).containsExactlyInAnyOrderElementsOf(cold.findings());
        assertThat(warm.problems()).containsExactlyInAnyOrderElementsOf(cold.problems()).isNotEmpty();
        assertThat(JavaAnalyzer.cacheFile(cache)).isRegularFile();
    }

    @Test
    void unchangedContentIsAnsweredFromTheCache(@TempDir Path root, @TempDir Path cache) throws IOException {
        Path source = root.resolve("Pause.java");
        Files.writeString(source, SWALLOWS);
        // A cache entry for exactly these bytes that says something the checks never would: if it is reported,
        // the file was not parsed again.
        ResultCache planted = ResultCache.open(JavaAnalyzer.cacheFile(cache), JavaAnalyzer.engine());
        planted.put(ResultCache.key(Files.readAllBytes(source)), new ResultCache.Entry(List.of(
                new ResultCache.Item("java/empty-catch", Severity.LOW, "from the cache", 3, 5, "")), List.of()));
        planted.save();

        AuditContext context = audit(root, cache);

        assertThat(context.findings()).containsExactly(new Finding("java/empty-catch", Severity.LOW, "from the cache",
                Location.of(source, 3, 5), ""));
    }

    @Test
    void aChangedFileIsCheckedAgain(@TempDir Path root, @TempDir Path cache) throws IOException {
        Path source = root.resolve("Pause.java");
        Files.writeString(source, SWALLOWS);
        assertThat(audit(root, cache).findings()).isNotEmpty();

        Files.writeString(source, RESTORES);

        assertThat(audit(root, cache).findings()).isEmpty();
    }

    @Test
    void entriesOfAnotherBuildOfTheChecksAreNotUsed(@TempDir Path root, @TempDir Path cache) throws IOException {
        Path source = root.resolve("Pause.java");
        Files.writeString(source, RESTORES);
        ResultCache other = ResultCache.open(JavaAnalyzer.cacheFile(cache), "an older build");
        other.put(ResultCache.key(Files.readAllBytes(source)), new ResultCache.Entry(List.of(
                new ResultCache.Item("java/empty-catch", Severity.LOW, "stale", 3, 5, "")), List.of()));
        other.save();

        assertThat(audit(root, cache).findings()).isEmpty();
    }

    @Test
    void aDamagedCacheIsIgnoredAndReplaced(@TempDir Path root, @TempDir Path cache) throws IOException {
        Files.writeString(root.resolve("Pause.java"), SWALLOWS);
        AuditContext cold = audit(root, cache);
        byte[] whole = Files.readAllBytes(JavaAnalyzer.cacheFile(cache));
        Files.write(JavaAnalyzer.cacheFile(cache), Arrays.copyOf(whole, whole.length / 2));

        AuditContext afterDamage = audit(root, cache);

        assertThat(afterDamage.findings()).containsExactlyInAnyOrderElementsOf(cold.findings());
        assertThat(afterDamage.problems()).isEmpty();
        assertThat(ResultCache.open(JavaAnalyzer.cacheFile(cache), JavaAnalyzer.engine())
                .find(ResultCache.key(Files.readAllBytes(root.resolve("Pause.java"))))).isPresent();
    }

    @Test
    void anUnwritableCacheIsAWarningAndTheAuditStillReports(@TempDir Path root, @TempDir Path scratch)
            throws IOException {
        Files.writeString(root.resolve("Pause.java"), SWALLOWS);
        Path notADirectory = Files.writeString(scratch.resolve("file"), "x");

        AuditContext context = audit(root, notADirectory);

        assertThat(context.findings()).extracting(Finding::ruleId).containsExactly("java/interrupted-swallowed");
        assertThat(context.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("cannot write the audit cache"));
    }

    @Test
    void onlyFilesSeenInTheLastRunAreKept(@TempDir Path root, @TempDir Path cache) throws IOException {
        Path gone = Files.writeString(root.resolve("Gone.java"), SWALLOWS);
        byte[] goneBytes = Files.readAllBytes(gone);
        audit(root, cache);
        Files.delete(gone);
        Files.writeString(root.resolve("Pause.java"), RESTORES);

        audit(root, cache);

        assertThat(ResultCache.open(JavaAnalyzer.cacheFile(cache), JavaAnalyzer.engine())
                .find(ResultCache.key(goneBytes))).isEmpty();
    }

    private static AuditContext audit(Path root, Path cache) {
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of(), cache);
        new JavaAnalyzer().analyze(context);
        return context;
    }
}
