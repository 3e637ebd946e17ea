package io.relia.core.review;

import io.relia.core.spec.SpecDocument;

import java.nio.file.Path;
import java.util.List;

/**
 * An input found in the service directory. A YAML file with documents of several kinds (a Deployment and a
 * PrometheusRule) gives one input per kind.
 *
 * @param path      the file, as reachable from the working directory (used in messages)
 * @param relative  the file relative to the service directory (used in listings)
 * @param kind      what it is
 * @param documents its documents of this kind (empty for non-YAML inputs)
 */
public record DiscoveredInput(Path path, Path relative, InputKind kind, List<SpecDocument> documents) {

    public DiscoveredInput {
        // "./deploy/app.yaml" when the directory is "." reads better as "deploy/app.yaml"
        path = path.normalize();
        documents = List.copyOf(documents);
    }
}
