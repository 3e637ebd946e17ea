package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a conversion attempt stops being one for {@code java/empty-catch}: what the converted value may be built
 * from. The labelled corpus holds the shapes of the fallback itself (return after the try, value kept).
 */
class FallbackCatchTest {

    @TempDir
    Path root;

    private List<Finding> emptyCatches(String tried) throws IOException {
        Files.writeString(root.resolve("Sample.java"), """
                import java.util.Base64;

                class Sample {
                    interface Registry {
                        Entry lookup(String key);
                    }

                    interface Entry {
                        String text();

                        Object decode();
                    }

                    Object read(Registry registry, String token) {
                        try {
                            return %s;
                        } catch (IllegalArgumentException e) {
                        }
                        return token;
                    }
                }
                """.formatted(tried));
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());
        new JavaAnalyzer(1).analyze(context);
        assertThat(context.problems()).isEmpty();
        return context.findings().stream().filter(f -> f.ruleId().equals("java/empty-catch")).toList();
    }

    @Test
    void aDecoderPickedOnTheWayIsPartOfTheConversion() throws IOException {
        assertThat(emptyCatches("Base64.getDecoder().decode(token.trim())")).isEmpty();
    }

    @Test
    void aConversionOfTextFetchedInsideTheTryIsNotADeliberateFallback() throws IOException {
        assertThat(emptyCatches("Integer.valueOf(registry.lookup(token).text())")).singleElement()
                .satisfies(finding -> assertThat(finding.location().line()).isEqualTo(17));
    }

    @Test
    void aConversionCalledOnAFetchedReceiverIsNotADeliberateFallback() throws IOException {
        assertThat(emptyCatches("registry.lookup(token).decode()")).hasSize(1);
    }
}
