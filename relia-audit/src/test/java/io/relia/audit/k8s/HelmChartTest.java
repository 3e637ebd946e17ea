package io.relia.audit.k8s;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Helm charts: recognised by their Chart.yaml, their templates never read as YAML, rendered by helm when it is
 * installed. helm itself cannot be installed on the project's machines (see docs/audit.md), so the rendering tests
 * run a stand-in {@code helm} script that prints what {@code helm template shop CHART} prints for the test chart.
 */
class HelmChartTest {

    private static final Path CHART_TREE = Path.of("src/test/resources/helm-chart");
    private static final Path RENDERED = Path.of("src/test/resources/helm-rendered/shop.yaml");

    @Test
    void aChartIsOneInputAndItsTemplatesAreNotReadAsYaml() {
        ServiceInventory inventory = InputDiscovery.scan(CHART_TREE);

        assertThat(inventory.ofKind(InputKind.HELM_CHART)).extracting(input -> input.relative().toString())
                .containsExactly("shop/Chart.yaml");
        assertThat(inventory.inputs()).noneMatch(input -> input.relative().toString().contains("templates"));
        assertThat(inventory.problems()).isEmpty();
    }

    @Test
    void withoutHelmAChartIsOneWarningNamingItNeverInvalidYaml() {
        AuditResult result = audit(HelmTemplate.at(Optional.empty()));

        assertThat(result.findings()).extracting(finding -> finding.finding().ruleId())
                .doesNotContain(Finding.INPUT_INVALID);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.location().file()).endsWith("Chart.yaml");
            assertThat(problem.message()).contains("Helm chart shop").contains("not audited")
                    .contains("helm is not installed");
            assertThat(problem.hint()).contains("install helm");
        });
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void renderedManifestsAreAuditedAndReportedAtTheirTemplateLines(@TempDir Path bin) throws IOException {
        Path helm = helm(bin, "[ \"$1\" = template ] && [ \"$2\" = shop ] || { echo \"unexpected: $*\" >&2; exit 3; }\n"
                + "cat '" + RENDERED.toAbsolutePath() + "'\n");

        AuditResult result = audit(HelmTemplate.at(Optional.of(helm)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.findings()).extracting(AuditFinding::path, finding -> finding.finding().location().line(),
                finding -> finding.finding().ruleId()).containsExactlyInAnyOrder(
                tuple("shop/templates/web.yaml", 8, "k8s/single-replica"),
                tuple("shop/templates/web.yaml", 16, "k8s/missing-probes"),
                tuple("shop/templates/web.yaml", 16, "k8s/missing-resources"),
                tuple("shop/templates/web.yaml", 17, "k8s/image-latest-tag"),
                tuple("shop/templates/web.yaml", 4, "k8s/no-autoscaler"));
        assertThat(result.findings()).allSatisfy(finding -> assertThat(finding.finding().message())
                .contains("as helm template renders the chart"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aChartHelmCannotRenderFailsTheAuditAtItsChartYaml(@TempDir Path bin) throws IOException {
        Path helm = helm(bin, "echo 'Error: found in Chart.yaml, but missing in charts/ directory: redis' >&2\n"
                + "exit 1\n");

        AuditResult result = audit(HelmTemplate.at(Optional.of(helm)));

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.finding().ruleId()).isEqualTo(Finding.INPUT_INVALID);
            assertThat(finding.finding().severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.path()).isEqualTo("shop/Chart.yaml");
            assertThat(finding.finding().message()).contains("helm template failed on chart shop")
                    .contains("missing in charts/ directory: redis");
        });
    }

    private static AuditResult audit(HelmTemplate helm) {
        return new Auditor(List.of(new KubernetesAuditor(helm))).run(CHART_TREE, AuditOptions.defaults());
    }

    private static Path helm(Path bin, String script) throws IOException {
        Path helm = bin.resolve("helm");
        Files.writeString(helm, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return helm;
    }
}
