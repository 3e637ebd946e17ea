package io.relia.core.spec;

import java.nio.file.Path;

/**
 * One document of a loaded file (a YAML file may hold several, separated by {@code ---}).
 *
 * @param file  the file it came from
 * @param index 0-based position in the file
 * @param root  the document's root node
 */
public record SpecDocument(Path file, int index, Node root) {
}
