package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java analyzer finds every java/* flaw planted in examples/checkout-service, at the line FLAWS.md names. */
class ExampleFlawsTest {

    private static final Path SERVICE = Path.of("../examples/checkout-service");

    /** One row of the FLAWS.md table. */
    private record Flaw(String id, String file, int line, String rule, String evidence) {

        static Flaw of(String row) {
            String[] cells = row.split("\\|");
            String location = cells[2].strip();
            int colon = location.lastIndexOf(':');
            return new Flaw(cells[1].strip(), location.substring(0, colon),
                    Integer.parseInt(location.substring(colon + 1)), cells[3].strip(), cells[4].strip());
        }
    }

    @Test
    void findsEveryPlantedJavaFlawAtItsFileAndLine() throws IOException {
        List<Flaw> flaws = Files.readAllLines(SERVICE.resolve("FLAWS.md")).stream()
                .filter(line -> line.matches("\\|\\s*F\\d+\\s*\\|.*"))
                .map(Flaw::of)
                .filter(flaw -> flaw.rule().startsWith("java/"))
                .toList();
        assertThat(flaws).as("java flaws listed in FLAWS.md").hasSizeGreaterThanOrEqualTo(4);

        AuditContext context = new AuditContext(InputDiscovery.scan(SERVICE), Set.of());
        new JavaAnalyzer().analyze(context);

        for (Flaw flaw : flaws) {
            Path file = SERVICE.resolve(flaw.file());
            assertThat(Files.readAllLines(file).get(flaw.line() - 1)).as(flaw.id() + " evidence")
                    .contains(flaw.evidence());
            assertThat(context.findings()).as(flaw.id() + " " + flaw.rule() + " at " + flaw.file() + ":" + flaw.line())
                    .anyMatch(finding -> reportedAt(finding, flaw.rule(), file, flaw.line()));
        }
        assertThat(context.problems()).isEmpty();
    }

    private static boolean reportedAt(Finding finding, String rule, Path file, int line) {
        return finding.ruleId().equals(rule) && finding.location().line() == line
                && Path.of(finding.location().file()).toAbsolutePath().normalize()
                .equals(file.toAbsolutePath().normalize());
    }
}
