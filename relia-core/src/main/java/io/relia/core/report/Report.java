package io.relia.core.report;

import java.util.Map;

/**
 * A result ready to be written: {@code data} is the stable, versioned JSON view; {@code document} the same facts
 * for people (text, Markdown, HTML).
 *
 * @param kind          what kind of report ({@code review}), written to JSON as {@code kind}
 * @param schemaVersion version of the JSON shape of this kind, written as {@code schemaVersion}
 * @param data          JSON fields (maps, lists, strings, numbers, booleans, records)
 * @param document      the human-readable view
 */
public record Report(String kind, int schemaVersion, Map<String, Object> data, Document document) {
}
