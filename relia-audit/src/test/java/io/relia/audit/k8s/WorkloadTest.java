package io.relia.audit.k8s;

import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    @Test
    void podLabelsKeepTheManifestsOrderSoWhatIsPrintedIsTheSameOnEveryRun() {
        List<String> keys = List.of("zone", "app.kubernetes.io/name", "tier", "app.kubernetes.io/part-of", "team",
                "version", "app", "release");
        StringBuilder manifest = new StringBuilder("""
                kind: Deployment
                metadata: {name: checkout}
                spec:
                  template:
                    metadata:
                      labels:
                """);
        keys.forEach(key -> manifest.append("        ").append(key).append(": x\n"));
        manifest.append("    spec:\n      containers: [{name: checkout, image: shop/checkout:1.0}]\n");
        Path file = Path.of("deploy.yaml");
        MapNode object = (MapNode) SpecLoader.parse(file, manifest.toString()).file().orElseThrow().documents()
                .getFirst().root();

        Workload workload = Workload.of(object, file).orElseThrow();

        assertThat(workload.podLabels().keySet()).containsExactlyElementsOf(keys);
    }
}
