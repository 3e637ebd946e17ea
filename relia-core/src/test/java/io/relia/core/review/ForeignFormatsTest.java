package io.relia.core.review;

import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other tools' formats are named for what they are, with whether Relia reads them, instead of "Kubernetes manifest,
 * parsed only". Files from chaos-mesh, chaos-charts and slo-generator (src/test/resources/foreign/SOURCES.md).
 */
class ForeignFormatsTest {

    private static final Path FOREIGN = Path.of("src/test/resources/foreign");

    @TempDir
    Path directory;

    private static List<SpecDocument> documents(Path file) {
        return SpecLoader.load(file).file().orElseThrow().documents();
    }

    private static InputReading reading(String relative) {
        Path file = FOREIGN.resolve(relative);
        List<SpecDocument> documents = documents(file);
        InputKind kind = InputDiscovery.kindOf(file.getFileName(), documents.getFirst().root()).orElseThrow();
        return InputReading.of(kind, documents, InputValidator.understands(kind));
    }

    @Test
    void anSloGeneratorSloIsNamedAndNotRead() {
        assertThat(reading("slo-generator/slo_prom_metrics_availability_ratio.yaml").line()).isEqualTo(
                "slo-generator SLO (sre.google.com/v2): not read — convert to OpenSLO or Sloth; see docs/slo.md");
    }

    @Test
    void aNobl9FileIsNamedWithItsKindsAndNotRead() {
        InputReading reading = reading("nobl9/checkout-slo.yaml");

        assertThat(reading.status()).isEqualTo(InputReading.Status.NOT_READ);
        assertThat(reading.label()).isEqualTo("Nobl9 Service, SLO (n9/v1alpha)");
    }

    @Test
    void chaosMeshObjectsAreChaosMeshExperimentsReadByTheReview() {
        for (String file : List.of("network-delay-example.yaml", "schedule-podchaos.yaml", "workflow-serial.yaml")) {
            InputReading reading = reading("chaos-mesh/" + file);
            assertThat(reading.label()).startsWith("Chaos Mesh ").endsWith("(chaos-mesh.org/v1alpha1)");
            assertThat(reading.status()).isEqualTo(InputReading.Status.READ);
        }
        assertThat(reading("chaos-mesh/schedule-podchaos.yaml").label())
                .isEqualTo("Chaos Mesh Schedule (chaos-mesh.org/v1alpha1)");
    }

    @Test
    void aLitmusEngineIsReadAndAFaultDefinitionParsedOnly() {
        assertThat(reading("litmus/pod-delete-engine.yaml").line())
                .startsWith("LitmusChaos ChaosEngine (litmuschaos.io/v1alpha1): read by relia review");
        assertThat(reading("litmus/pod-delete-fault.yaml").status()).isEqualTo(InputReading.Status.PARSED_ONLY);
    }

    @Test
    void anArgoWorkflowIsLitmusOnlyWhenItsLabelsNameLitmus() {
        String litmus = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: w\n  labels:\n"
                + "    subject: litmuschaos_pod-delete\n";
        String plain = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: w\n";

        assertThat(kindOf(litmus)).isEqualTo(InputKind.LITMUS_CHAOS);
        assertThat(kindOf(plain)).isEqualTo(InputKind.KUBERNETES);
    }

    @Test
    void aPrometheusRuleAndAKustomizationSayWhatTheyAre() {
        String rule = "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: r}\n"
                + "spec:\n  groups: []\n";
        String kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                + "resources: [app.yaml]\n";

        assertThat(readingOf(rule).line())
                .isEqualTo("Prometheus rules (PrometheusRule, monitoring.coreos.com/v1): read");
        assertThat(readingOf(kustomization).line()).isEqualTo("Kubernetes manifest (Kustomization): parsed only");
    }

    @Test
    void aDeploymentIsReadByTheAuditAndAConfigMapParsedOnly() {
        assertThat(readingOf("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n").line())
                .isEqualTo("Kubernetes manifest (Deployment): read by relia audit");
        assertThat(readingOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n").status())
                .isEqualTo(InputReading.Status.PARSED_ONLY);
    }

    @Test
    void aChartTemplateWithoutItsChartIsAHelmTemplateNotRead() throws IOException {
        Path templates = Files.createDirectories(directory.resolve("charts/api/templates"));
        Files.writeString(templates.resolve("deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\n"
                + "metadata:\n  name: {{ .Release.Name }}\n");

        ServiceInventory inventory = InputDiscovery.scan(directory);

        assertThat(inventory.inputs()).extracting(DiscoveredInput::kind).containsExactly(InputKind.HELM_TEMPLATE);
        assertThat(inventory.problems()).isEmpty();
        assertThat(InputReading.of(inventory.inputs().getFirst()).line()).isEqualTo(
                "Helm template: not read — not rendered: run `helm template` and review the output");
    }

    @Test
    void discoveryCountsForeignSlosAndOperatorExperimentsByTheirOwnKinds() {
        ServiceInventory inventory = InputDiscovery.scan(FOREIGN);

        assertThat(inventory.ofKind(InputKind.SLO_GENERATOR)).hasSize(2);
        assertThat(inventory.ofKind(InputKind.NOBL9)).hasSize(1);
        assertThat(inventory.ofKind(InputKind.CHAOS_MESH)).hasSize(5);
        assertThat(inventory.ofKind(InputKind.LITMUS_CHAOS)).hasSize(4);
        assertThat(inventory.ofKind(InputKind.KUBERNETES)).isEmpty();
        assertThat(inventory.problems()).isEmpty();
    }

    private static InputKind kindOf(String yaml) {
        return InputDiscovery.kindOf(Path.of("x.yaml"), SpecLoader.parse(Path.of("x.yaml"), yaml).file()
                .orElseThrow().documents().getFirst().root()).orElseThrow();
    }

    private static InputReading readingOf(String yaml) {
        Path name = Path.of("kustomization.yaml");
        List<SpecDocument> documents = SpecLoader.parse(name, yaml).file().orElseThrow().documents();
        InputKind kind = InputDiscovery.kindOf(name, documents.getFirst().root()).orElseThrow();
        return InputReading.of(kind, documents, InputValidator.understands(kind));
    }
}
