package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits that are a thread's job or that a library bounds are not reported by {@code java/blocking-without-deadline},
 * while their look-alikes still are: each corpus file, audited alone, yields exactly its {@code // expect:} lines
 * (the corpus-wide test tolerates a few misses per rule; these cases may not miss).
 */
class BlockingCallCheckTest {

    private static final Path CORPUS = Path.of("src/test/resources/java-corpus/java-blocking-without-deadline");
    private static final String RULE = "java/blocking-without-deadline";

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"tn-consumer-thread-take.java", "tp-take-on-request-path.java",
            "tn-netty-future-in-variable.java", "tp-netty-write-future.java", "tn-kafka-client-bounded-futures.java",
            "tp-library-waits.java", "tn-main-waits-for-its-server.java", "tp-stop-joins-worker.java",
            "tp-queue-take-put.java", "tn-completed-and-bounded-futures.java", "tp-inferred-from-exceptions.java"})
    void reportsExactlyTheExpectedWaitsOf(String sample) throws IOException {
        Files.copy(CORPUS.resolve(sample), root.resolve(sample));
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());
        new JavaAnalyzer(1).analyze(context);

        assertThat(context.problems()).isEmpty();
        assertThat(context.findings().stream().filter(finding -> finding.ruleId().equals(RULE))
                .map(finding -> finding.location().line()).sorted().toList())
                .as(sample).isEqualTo(expectedLines(CORPUS.resolve(sample)));
    }

    private static List<Integer> expectedLines(Path sample) throws IOException {
        List<String> lines = Files.readAllLines(sample);
        List<Integer> expected = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains("// expect: " + RULE)) {
                expected.add(index + 1);
            }
        }
        return expected;
    }
}
