package io.relia.audit.prometheus;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesAuditorTest {

    private static final String RULES = "groups:\n  - name: a\n    rules:\n      - alert: ErrorsHigh\n"
            + "        expr: sum(rate(errors_total[1m])) > 1\n        for: 5m\n        labels:\n"
            + "          severity: warning\n        annotations:\n          runbook_url: https://runbooks/errors\n";

    @Test
    void saysWhenPromtoolIsAbsentInsteadOfCheckingSilently(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());
        new AlertRulesAuditor(Optional::empty).analyze(context);
        assertThat(context.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.message()).contains("promtool is not installed");
        });
        assertThat(context.findings()).extracting(Finding::ruleId).doesNotContain("prometheus/invalid-rules");
    }

    @Test
    void aShorterScrapeIntervalInPrometheusYmlAcceptsAOneMinuteRate(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        AuditContext defaults = new AuditContext(InputDiscovery.scan(root), Set.of("prometheus/rate-window-too-short"));
        new AlertRulesAuditor(Optional::empty).analyze(defaults);
        assertThat(defaults.findings()).extracting(finding -> finding.location().line()).containsExactly(5);

        Files.writeString(root.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
        AuditContext fast = new AuditContext(InputDiscovery.scan(root), Set.of("prometheus/rate-window-too-short"));
        new AlertRulesAuditor(Optional::empty).analyze(fast);
        assertThat(fast.findings()).isEmpty();
    }

    @Test
    void aRateWindowFindingSaysTheIntervalWasAssumedWhenTheTreeHasNoScrapeConfig(@TempDir Path root)
            throws IOException {
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of("prometheus/rate-window-too-short"));
        new AlertRulesAuditor(Optional::empty).analyze(context);
        assertThat(context.findings()).singleElement().satisfies(finding -> assertThat(finding.message())
                .isEqualTo("alert ErrorsHigh takes rate over [1m], less than two scrape intervals; scrape interval "
                        + "assumed 60 s (Prometheus' default; no scrape config found in the tree)"));
    }

    @Test
    void anUnreadableScrapeIntervalIsReportedAsAProblem(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("alerts.yaml"), RULES);
        Files.writeString(root.resolve("prometheus.yml"), "global:\n  scrape_interval: 1.5m\n");
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of("prometheus/rate-window-too-short"));
        new AlertRulesAuditor(Optional::empty).analyze(context);
        assertThat(context.problems()).anySatisfy(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.location().toString()).endsWith("prometheus.yml:2:3");
        });
    }
}
