package io.relia.audit.prometheus;

import io.relia.core.value.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rules need to know about a PromQL expression, read lexically (string literals and label matchers are
 * blanked first, so a {@code route="/rate"} never looks like a function): counter-rate ranges, the windows it
 * looks at, and the metric names it reads. Precise for the expressions rule files hold; not a PromQL parser.
 */
final class PromQlScan {

    /**
     * A rate-like call and its range.
     *
     * @param function rate, irate or increase
     * @param range    the range written inside it
     * @param text     the range as written ({@code 1m})
     * @param jobs     the jobs its argument selects with {@code job="..."}; empty when it names none
     */
    record RangeCall(String function, Duration range, String text, Set<String> jobs) {

        RangeCall {
            jobs = Set.copyOf(jobs);
        }
    }

    private static final Pattern RATE_CALL = Pattern.compile("(?<![\\w:])(rate|irate|increase)\\s*\\(");
    private static final Pattern RANGE = Pattern.compile("\\[\\s*([0-9a-z]+)\\s*(?::[^\\]]*)?]");
    private static final Pattern RECORDED_WINDOW = Pattern.compile("rate(\\d+[smhdwy])\\b");
    private static final Pattern AND = Pattern.compile("(?<![\\w:])and(?![\\w:])");
    private static final Pattern GROUPING = Pattern.compile(
            "(?<![\\w:])(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][\\w:]*)(\\s*\\()?");
    private static final Pattern JOB = Pattern.compile("(?<![\\w])job\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern TIME = Pattern.compile("(?<![\\w:])time\\s*\\(\\s*\\)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN", "atan2");

    /** The expression with string literals blanked (same length as {@link #written}). */
    private final String expr;
    /** The expression as written, for the label values the blanked one hides. */
    private final String written;

    private PromQlScan(String expr, String written) {
        this.expr = expr;
        this.written = written;
    }

    static PromQlScan of(String expr) {
        return new PromQlScan(blankStrings(expr), expr);
    }

    /** Every rate/irate/increase call with a literal range. */
    List<RangeCall> rateRanges() {
        List<RangeCall> calls = new ArrayList<>();
        Matcher call = RATE_CALL.matcher(expr);
        while (call.find()) {
            int depth = 1;
            int i = call.end();
            while (i < expr.length() && depth > 0) {
                char c = expr.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '[' && depth == 1) {
                    Matcher range = RANGE.matcher(expr).region(i, expr.length());
                    if (range.lookingAt()) {
                        String text = range.group(1);
                        Set<String> jobs = jobs(written.substring(call.end(), i));
                        Durations.parse(text).asOptional().ifPresent(duration ->
                                calls.add(new RangeCall(call.group(1), duration, text, jobs)));
                    }
                    break;
                }
                i++;
            }
        }
        return calls;
    }

    /** The distinct windows the expression looks at: range selectors and recorded {@code ..._rate5m} series. */
    Set<Duration> windows() {
        Set<Duration> windows = new LinkedHashSet<>();
        Matcher range = RANGE.matcher(expr);
        while (range.find()) {
            Durations.parse(range.group(1)).asOptional().ifPresent(windows::add);
        }
        Matcher recorded = RECORDED_WINDOW.matcher(expr);
        while (recorded.find()) {
            Durations.parse(recorded.group(1)).asOptional().ifPresent(windows::add);
        }
        return windows;
    }

    /**
     * True for a multi-window condition (SRE Workbook, "Alerting on SLOs"): two or more windows joined with
     * {@code and}, where the short window already debounces the long one, so a {@code for:} adds only delay.
     */
    boolean multiWindow() {
        return AND.matcher(expr).find() && windows().size() >= 2;
    }

    /** The metric (or recorded series) names read, in order. */
    List<String> metrics() {
        String bare = GROUPING.matcher(blank(blank(expr, '{', '}'), '[', ']')).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (identifier.group(2) == null && !KEYWORDS.contains(identifier.group(1))) {
                names.add(identifier.group(1));
            }
        }
        return List.copyOf(names);
    }

    /** The jobs the whole expression selects with {@code job="..."} (not {@code =~} or {@code !=}). */
    Set<String> jobs() {
        return jobs(written);
    }

    /**
     * True when the expression reads no series and not the time: {@code vector(1)}, {@code 1}. A selector without
     * a metric name ({@code {__name__=~".+"}}) reads series.
     */
    boolean constant() {
        return metrics().isEmpty() && expr.indexOf('{') < 0 && !readsTime();
    }

    /** True when the expression reads the evaluation time, {@code time()}: ages and countdowns. */
    boolean readsTime() {
        return TIME.matcher(expr).find();
    }

    private static Set<String> jobs(String text) {
        Set<String> jobs = new LinkedHashSet<>();
        Matcher job = JOB.matcher(text);
        while (job.find()) {
            jobs.add(job.group(1) != null ? job.group(1) : job.group(2));
        }
        return jobs;
    }

    private static String blankStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    out.append("  ");
                    i++;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                    out.append(c);
                } else {
                    out.append(' ');
                }
            } else {
                if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String blank(String text, char open, char close) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == open) {
                depth++;
            }
            out.append(depth > 0 ? ' ' : c);
            if (c == close && depth > 0) {
                depth--;
            }
        }
        return out.toString();
    }
}
