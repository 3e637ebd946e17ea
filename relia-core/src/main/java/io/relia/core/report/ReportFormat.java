package io.relia.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report formats ({@code --format}); SARIF is added by the audit, which owns its findings model. */
public enum ReportFormat {
    TEXT, JSON, MARKDOWN, HTML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("md")) {
            wanted = "markdown";
        }
        String id = wanted;
        return Arrays.stream(values()).filter(format -> format.id().equals(id)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining("|"));
    }
}
