package io.relia.core.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Writers never compute; they only lay out what the report holds. */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;

    /**
     * The writer for a format.
     *
     * @param format the format
     * @param colour ANSI colour in text output (only when writing to a terminal)
     */
    static ReportWriter forFormat(ReportFormat format, boolean colour) {
        return switch (format) {
            case TEXT -> new TextReportWriter(colour);
            case JSON -> new JsonReportWriter();
            case MARKDOWN -> new MarkdownReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }
}
