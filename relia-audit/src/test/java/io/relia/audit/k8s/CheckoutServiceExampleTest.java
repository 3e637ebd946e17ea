package io.relia.audit.k8s;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.prometheus.AlertRulesAuditor;
import io.relia.audit.runbook.RunbookAuditor;
import io.relia.audit.spring.SpringConfigAuditor;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.ServiceInventory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The non-Java flaws planted in examples/checkout-service (its FLAWS.md table) are found at their file:line. */
class CheckoutServiceExampleTest {

    private static final Path EXAMPLE = Path.of("../examples/checkout-service");

    @Test
    void findsEveryNonJavaFlawOfFlawsMdAtItsFileAndLine() throws IOException {
        List<String> flaws = flaws();
        assertThat(flaws).as("FLAWS.md rows for k8s/ and prometheus/ rules").isNotEmpty();
        List<String> found = audit().stream().map(CheckoutServiceExampleTest::fileLineRule).toList();
        assertThat(found).containsAll(flaws);
    }

    @Test
    void reportsNothingOnThePaymentsCounterExample() {
        assertThat(audit()).filteredOn(finding -> finding.location().file().endsWith("payments.yaml")).isEmpty();
    }

    private static List<Finding> audit() {
        ServiceInventory inventory = InputDiscovery.scan(EXAMPLE);
        AuditContext context = new AuditContext(inventory, Set.of());
        for (AuditAnalyzer analyzer : List.of(new KubernetesAuditor(), new AlertRulesAuditor(), new RunbookAuditor(),
                new SpringConfigAuditor())) {
            analyzer.analyze(context);
        }
        List<Finding> findings = new ArrayList<>(context.findings());
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
