package io.relia.audit.k8s;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.core.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-Java flaws planted in examples/checkout-service (its FLAWS.md table) are found at their file:line by the
 * whole audit, as relia audit runs it; payments, the counter-example, has none.
 */
class CheckoutServiceExampleTest {

    private static final Path EXAMPLE = Path.of("../examples/checkout-service");

    @Test
    void findsEveryNonJavaFlawOfFlawsMdAtItsFileAndLine() throws IOException {
        List<String> flaws = flaws();
        assertThat(flaws).as("FLAWS.md rows for k8s/, prometheus/ and dependency/ rules")
                .hasSizeGreaterThanOrEqualTo(6);
        List<String> found = audit().stream().map(CheckoutServiceExampleTest::fileLineRule).toList();
        assertThat(found).containsAll(flaws);
    }

    @Test
    void reportsNothingOnThePaymentsCounterExample() {
        assertThat(audit()).filteredOn(finding -> finding.location().file().endsWith("payments.yaml")).isEmpty();
    }

    private static List<Finding> audit() {
        AuditResult result = new Auditor().run(EXAMPLE, AuditOptions.defaults());
        assertThat(result.problems()).noneMatch(problem -> problem.isError());
        List<Finding> findings = new ArrayList<>(result.findings().stream().map(AuditFinding::finding).toList());
        findings.sort(null);
        findings.forEach(finding -> System.out.println(finding.severity().label() + " " + fileLineRule(finding)
                + ": " + finding.message()));
        return findings;
    }

    private static String fileLineRule(Finding finding) {
        Path file = EXAMPLE.toAbsolutePath().normalize().relativize(Path.of(finding.location().file())
                .toAbsolutePath().normalize());
        return file.toString().replace('\\', '/') + ":" + finding.location().line() + " " + finding.ruleId();
    }

    /** FLAWS.md rows ({@code | id | path:line | rule | evidence | why |}) whose rule is not a Java rule. */
    private static List<String> flaws() throws IOException {
        List<String> flaws = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLE.resolve("FLAWS.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (cells.length >= 4 && cells[1].strip().matches("F\\d+")) {
                String rule = cells[3].strip();
                if (!rule.startsWith("java/")) {
                    flaws.add(cells[2].strip() + " " + rule);
                }
            }
        }
        return flaws;
    }
}
