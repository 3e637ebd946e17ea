package io.relia.core.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stable, versioned JSON: {@code schemaVersion} and {@code kind} first, then the report's data. */
final class JsonReportWriter implements ReportWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", report.schemaVersion());
        root.put("kind", report.kind());
        root.putAll(report.data());
        out.write(MAPPER.writeValueAsString(root));
        out.write('\n');
        out.flush();
    }
}
