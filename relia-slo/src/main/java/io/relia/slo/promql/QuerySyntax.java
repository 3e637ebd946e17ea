package io.relia.slo.promql;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an SLI query template as Sloth does before generating rules: {@code {{.window}}} (any spacing) rendered
 * as a range, then parsed as PromQL. Every Prometheus function and aggregation is accepted here, also those the
 * offline engine cannot evaluate.
 */
public final class QuerySyntax {

    private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");

    private QuerySyntax() {
    }

    /** Why {@code template} is not a PromQL query once its window is rendered; empty when it parses. */
    public static Optional<String> error(String template) {
        String query = WINDOW.matcher(template).replaceAll("1m");
        try {
            Parser.checkSyntax(query);
            return Optional.empty();
        } catch (PromQlSyntaxException failed) {
            return Optional.of(failed.getMessage() + " at character " + (failed.offset() + 1) + " of \""
                    + snippet(query, failed.offset()) + "\"");
        }
    }

    private static String snippet(String query, int offset) {
        String flat = query.replaceAll("\\s+", " ").strip();
        if (flat.length() <= 80) {
            return flat;
        }
        int from = Math.clamp(offset - 40L, 0, flat.length() - 80);
        return (from > 0 ? "…" : "") + flat.substring(from, from + 80) + (from + 80 < flat.length() ? "…" : "");
    }
}
