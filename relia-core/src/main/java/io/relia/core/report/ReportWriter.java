package io.relia.core.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Writers never compute; they only lay out what the report holds. */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;

    /**
     * The writer for a format; text is not wrapped (for files and pipes, whose readers have no width).
     *
     * @param format the format
     * @param colour ANSI colour in text output (only when writing to a terminal)
     */
    static ReportWriter forFormat(ReportFormat format, boolean colour) {
        return forFormat(format, colour, TextReportWriter.UNWRAPPED);
    }

    /**
     * The writer for a format, text wrapped at a width.
     *
     * @param format the format
     * @param colour ANSI colour in text output (only when writing to a terminal)
     * @param width  columns of the terminal that text output is for (at least 40 are used)
     */
    static ReportWriter forFormat(ReportFormat format, boolean colour, int width) {
        return switch (format) {
            case TEXT -> new TextReportWriter(colour, width);
            case JSON -> new JsonReportWriter();
            case MARKDOWN -> new MarkdownReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }
}
