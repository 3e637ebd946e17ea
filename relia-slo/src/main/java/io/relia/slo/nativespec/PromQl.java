package io.relia.slo.nativespec;

import io.relia.slo.Sli;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little PromQL reading the native format needs: selectors, ratios of selectors, histogram quantiles. */
final class PromQl {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String SELECTOR = NAME + "(?:\\s*\\{[^}]*})?";
    static final Pattern BARE_SELECTOR = Pattern.compile("\\s*(" + SELECTOR + ")\\s*");
    private static final Pattern RATIO = Pattern.compile("\\s*(" + SELECTOR + ")\\s*/\\s*(" + SELECTOR + ")\\s*");
    private static final Pattern QUANTILE = Pattern.compile("\\s*histogram_quantile\\s*\\(\\s*([0-9.]+)\\s*,(.*)\\)\\s*",
            Pattern.DOTALL);
    private static final Pattern SELECTOR_IN_TEXT = Pattern.compile("(" + NAME + ")\\s*(\\{[^}]*})?");
    private static final Pattern RANGE = Pattern.compile("\\[\\s*\\d+[smhdwy]+\\s*(:\\s*\\d*[smhdwy]*)?\\s*]");
    private static final Set<String> WORDS = Set.of("sum", "rate", "irate", "increase", "by", "without", "le",
            "avg", "max", "min", "count", "histogram_quantile", "on", "ignoring", "group_left", "group_right", "and",
            "or", "unless", "offset", "bool");

    private PromQl() {
    }

    /** {@code sum(rate(SELECTOR[{{.window}}]))}: a bare metric name is a counter. */
    static String counterRate(String selector) {
        return "sum(rate(" + selector.strip() + "[" + Sli.WINDOW + "]))";
    }

    static boolean isSelector(String text) {
        return BARE_SELECTOR.matcher(text).matches();
    }

    /** The two selectors of {@code a / b}, when the text is exactly that. */
    static Optional<String[]> ratioOfSelectors(String text) {
        Matcher matcher = RATIO.matcher(text);
        return matcher.matches() ? Optional.of(new String[] {matcher.group(1), matcher.group(2)}) : Optional.empty();
    }

    /**
     * A quantile over a histogram.
     *
     * @param quantile 0..1
     * @param metric   the histogram's base name (without {@code _bucket})
     * @param matchers the label matchers inside braces, without braces; may be empty
     */
    record Quantile(double quantile, String metric, String matchers) {
    }

    /** Reads {@code histogram_quantile(0.99, x)} and {@code histogram_quantile(0.99, sum by (le) (rate(x_bucket{..}[5m])))}. */
    static Optional<Quantile> quantile(String text) {
        Matcher matcher = QUANTILE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double quantile;
        try {
            quantile = Double.parseDouble(matcher.group(1));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        Matcher selector = SELECTOR_IN_TEXT.matcher(matcher.group(2));
        while (selector.find()) {
            String name = selector.group(1);
            if (WORDS.contains(name)) {
                continue;
            }
            String base = name.endsWith("_bucket") ? name.substring(0, name.length() - "_bucket".length()) : name;
            String matchers = selector.group(2) == null ? "" : selector.group(2).substring(1,
                    selector.group(2).length() - 1).strip();
            return Optional.of(new Quantile(quantile, base, matchers));
        }
        return Optional.empty();
    }

    static boolean hasRange(String text) {
        return RANGE.matcher(text).find();
    }

    /** Every range ({@code [5m]}, {@code [1h:1m]}) becomes {@code [{{.window}}]}. */
    static String windowed(String text) {
        return RANGE.matcher(text).replaceAll(range -> Matcher.quoteReplacement("[" + Sli.WINDOW
                + (range.group(1) == null ? "" : range.group(1).replace(" ", "")) + "]"));
    }
}
