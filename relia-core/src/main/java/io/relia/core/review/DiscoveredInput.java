package io.relia.core.review;

import io.relia.core.spec.SpecDocument;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An input found in the service directory. A YAML file with documents of several kinds (a Deployment and a
 * PrometheusRule) gives one input per kind.
 *
 * @param path      the file, as reachable from the working directory (used in messages)
 * @param relative  the file relative to the service directory (used in listings)
 * @param kind      what it is
 * @param documents its documents of this kind (empty for non-YAML inputs)
 * @param likely    for an {@link InputKind#UNREADABLE} file, what it most likely is (from its top-level keys or its
 *                  path), so the checks that needed it fail; empty otherwise or when nothing hints at a kind
 */
public record DiscoveredInput(Path path, Path relative, InputKind kind, List<SpecDocument> documents,
                              Optional<InputKind> likely) {

    public DiscoveredInput {
        // "./deploy/app.yaml" when the directory is "." reads better as "deploy/app.yaml"
        path = path.normalize();
        documents = List.copyOf(documents);
        Objects.requireNonNull(likely, "likely");
    }

    public DiscoveredInput(Path path, Path relative, InputKind kind, List<SpecDocument> documents) {
        this(path, relative, kind, documents, Optional.empty());
    }

    /** The kind the review judges this file as: its kind, or for an unreadable file the kind it most likely is. */
    public Optional<InputKind> judgedAs() {
        return kind == InputKind.UNREADABLE ? likely : Optional.of(kind);
    }
}
