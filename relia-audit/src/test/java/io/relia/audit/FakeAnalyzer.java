package io.relia.audit;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * An analyzer for tests: in Java sources, flags every line holding {@code BAD} (rule {@code test/bad-call}, high)
 * and every line holding {@code MEH} (rule {@code test/meh}, low).
 */
public final class FakeAnalyzer implements AuditAnalyzer {

    public static final AuditRule BAD = new AuditRule("test/bad-call", "Bad call", Severity.HIGH,
            "Flags calls to BAD.", "BAD hangs for ever.", "BAD();", "good();", AuditRule.Precision.HIGH,
            List.of("timeout"));
    public static final AuditRule MEH = new AuditRule("test/meh", "Meh", Severity.LOW,
            "Flags MEH.", "MEH is untidy.", "", "", AuditRule.Precision.MEDIUM, List.of());

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public List<AuditRule> rules() {
        return List.of(BAD, MEH);
    }

    @Override
    public void analyze(AuditContext context) {
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.JAVA_SOURCE)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(input.path());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            for (int i = 0; i < lines.size(); i++) {
                flag(context, input, lines.get(i), i + 1, "BAD", BAD);
                flag(context, input, lines.get(i), i + 1, "MEH", MEH);
            }
        }
    }

    private static void flag(AuditContext context, DiscoveredInput input, String line, int number, String word,
                             AuditRule rule) {
        int at = line.indexOf(word + "(");
        if (at >= 0) {
            context.report(new Finding(rule.id(), rule.severity(), word + " is called here",
                    Location.of(input.path(), number, at + 1), "call good() instead"));
        }
    }
}
