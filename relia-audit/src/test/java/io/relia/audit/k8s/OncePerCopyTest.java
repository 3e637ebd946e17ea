package io.relia.audit.k8s;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OncePerCopyTest {

    private static final Path COPIES = Path.of("src/test/resources/k8s-corpus/copies");

    @Test
    void aWorkloadCopiedIntoAReleaseBundleIsReportedOnceAtItsSourceNamingTheCopy() {
        List<Finding> findings = singleReplica();

        assertThat(findings).filteredOn(finding -> finding.message().startsWith("Deployment/copy-api "))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.location().file()).endsWith("manifests/copy-api.yaml");
                    assertThat(finding.message()).endsWith("(the same Deployment is also in release/bundle.yaml:9)");
                });
    }

    @Test
    void deploymentsOfOneNameThatDifferAreTwoWorkloadsWithTwoFindings() {
        List<Finding> findings = singleReplica();

        assertThat(findings).filteredOn(finding -> finding.message().startsWith("Deployment/copy-web "))
                .hasSize(2).noneMatch(finding -> finding.message().contains("also in"));
    }

    @Test
    void aCopyIsEqualButForItsImageReferences() {
        String source = "{kind: Deployment, metadata: {name: a}, spec: {template: {spec: {containers: [{name: s, "
                + "image: %s, resources: {limits: {memory: %s}}}]}}}}";
        assertThat(OncePerCopy.copyKey(map(source.formatted("api", "256Mi"))))
                .isEqualTo(OncePerCopy.copyKey(map(source.formatted("registry.example.com/api:1.2.0", "256Mi"))))
                .isNotEqualTo(OncePerCopy.copyKey(map(source.formatted("api", "512Mi"))));
    }

    @Test
    void generatedBundlesAreKnownByTheirFolderOrName() {
        assertThat(OncePerCopy.generated(Path.of("release/kubernetes-manifests.yaml"))).isEqualTo(1);
        assertThat(OncePerCopy.generated(Path.of("deploy/all-in-one.yaml"))).isEqualTo(1);
        assertThat(OncePerCopy.generated(Path.of("kustomize/base/frontend.yaml"))).isZero();
    }

    private static List<Finding> singleReplica() {
        AuditContext context = new AuditContext(InputDiscovery.scan(COPIES), Set.of("k8s/single-replica"));
        new KubernetesAuditor(HelmTemplate.at(Optional.empty())).analyze(context);
        return context.findings();
    }

    private static MapNode map(String yaml) {
        return (MapNode) SpecLoader.parse(Path.of("copy.yaml"), yaml).file()
                .orElseThrow().documents().getFirst().root();
    }
}
