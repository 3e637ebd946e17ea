package io.relia.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded YAML or JSON file: all its documents, each node with its location.
 *
 * @param path      the file as the user named it
 * @param documents the non-empty documents in order
 */
public record SpecFile(Path path, List<SpecDocument> documents) {

    public SpecFile {
        documents = List.copyOf(documents);
    }
}
