package io.relia.slo.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads OpenMetrics 1.0 text with a timestamp on every sample, the input of
 * {@code promtool tsdb create-blocks-from openmetrics}. Like Prometheus' own parser it keeps unknown escapes in label
 * values as written; beyond OpenMetrics it tolerates what Prometheus text format 0.0.4 allows: free {@code #} comments,
 * blank lines, runs of blanks, a comma before the closing brace, type {@code untyped} and CRLF line ends. It insists on
 * {@code # EOF}, on timestamps in seconds and on strictly increasing times per series. A hand-written scanner over a
 * reused line buffer: lines of a series seen before cost a lookup, not a label parse.
 */
final class OpenMetricsReader {

    /** Most distinct series one file may hold: a bound on memory for a wrong or generated file. */
    static final int MAX_SERIES = 1_000_000;

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "gaugehistogram", "summary",
            "info", "stateset", "unknown", "untyped");
    private static final String NAME_SYNTAX = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String TIMESTAMP = "unix seconds such as 1793606400 or 1793606400.25";

    private final TextLines lines;
    private final ReadProblems problems;
    private final SeriesIndex index = new SeriesIndex();
    private final Map<SortedMap<String, String>, SeriesBuilder> byLabels = new HashMap<>();
    private final List<SeriesBuilder> series = new ArrayList<>();
    private final Map<String, String> strings = new HashMap<>();
    private SeriesIndex.Entry previous;
    private int eofLine;
    /** Where {@link #series} stopped reading a sample line. */
    private int cursor;
    private boolean dataAfterEof;
    private char[] c;
    private int end;

    private OpenMetricsReader(TextLines lines, ReadProblems problems) {
        this.lines = lines;
        this.problems = problems;
    }

    /** Reads all series from {@code in}; {@code file} names it in problems, which are thrown as one InputException. */
    static List<RecordedSeries> read(Path file, InputStream in) throws IOException {
        ReadProblems problems = new ReadProblems(file);
        OpenMetricsReader reader = new OpenMetricsReader(new TextLines(in, problems), problems);
        reader.readLines();
        problems.throwIfAny();
        return reader.series.stream().map(SeriesBuilder::build).toList();
    }

    private void readLines() throws IOException {
        int lastLine = 0;
        while (lines.next()) {
            c = lines.chars();
            end = lines.end();
            int start = skipBlanks(lines.start());
            if (start == end) {
                continue;
            }
            lastLine = lines.number();
            if (eofLine > 0) {
                if (!dataAfterEof) {
                    dataAfterEof = true;
                    error(start, "unexpected data after # EOF", "nothing after the # EOF line (line " + eofLine + ")",
                            "");
                }
            } else if (c[start] == '#') {
                descriptor(start);
            } else {
                sample(start);
            }
        }
        if (!lines.complete()) {
            return;
        }
        if (lastLine == 0) {
            problems.fileError("the file is empty", "OpenMetrics text ending with # EOF", "");
        } else if (eofLine == 0) {
            problems.error(lastLine + 1, 1, "data does not end with # EOF", "a last line # EOF",
                    "OpenMetrics ends with it, Prometheus text format 0.0.4 does not: append it");
        } else if (series.isEmpty() && problems.isEmpty()) {
            problems.fileError("the file has no samples",
                    "sample lines such as http_requests_total{code=\"200\"} 1027 1793606400", "");
        }
    }

    private void descriptor(int start) {
        int keyword = start + 1;
        if (keyword < end && c[keyword] != ' ' && c[keyword] != '\t') {
            if (is(keyword, tokenEnd(keyword), "EOF")) {
                error(start, "#EOF is not an end marker", "# EOF, with a space", "");
                eofLine = lines.number();
            }
            return;
        }
        keyword = skipBlanks(keyword);
        int keywordEnd = tokenEnd(keyword);
        if (is(keyword, keywordEnd, "EOF")) {
            if (skipBlanks(keywordEnd) < end) {
                error(skipBlanks(keywordEnd), "unexpected text after # EOF", "a line that is exactly # EOF", "");
            }
            eofLine = lines.number();
            return;
        }
        if (!is(keyword, keywordEnd, "HELP") && !is(keyword, keywordEnd, "TYPE") && !is(keyword, keywordEnd, "UNIT")) {
            return; // a comment, as Prometheus text format 0.0.4 allows
        }
        String descriptor = "# " + new String(c, keyword, keywordEnd - keyword);
        int nameStart = skipBlanks(keywordEnd);
        int nameEnd = tokenEnd(nameStart);
        String name = new String(c, nameStart, nameEnd - nameStart);
        int argumentStart = skipBlanks(nameEnd);
        String argument = new String(c, argumentStart, tokenEnd(argumentStart) - argumentStart);
        if (nameStart == nameEnd || metricNameEnd(nameStart) != nameEnd) {
            error(nameStart, descriptor + " needs a metric family name", "a name matching " + NAME_SYNTAX, "");
        } else if (descriptor.equals("# TYPE") && !TYPES.contains(argument)) {
            error(argumentStart, "unknown metric type \"" + argument + "\" for " + name,
                    "counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown", "");
        } else if (descriptor.equals("# UNIT") && !name.endsWith(argument)) {
            error(argumentStart, "unit \"" + argument + "\" is not a suffix of metric family \"" + name + "\"",
                    "a family name ending in _" + argument, "OpenMetrics requires it, and promtool rejects the file");
        }
    }

    /** Whether {@code c[from, to)} is {@code word}. */
    private boolean is(int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (c[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void sample(int start) {
        SeriesBuilder builder = series(start);
        if (builder == null) {
            return;
        }
        int keyEnd = cursor;
        if (keyEnd >= end || c[keyEnd] != ' ' && c[keyEnd] != '\t') {
            error(keyEnd, "unexpected " + found(keyEnd) + " after " + builder.selector(),
                    "a space, the value and the timestamp", "");
            return;
        }
        int valueStart = skipBlanks(keyEnd);
        int valueEnd = tokenEnd(valueStart);
        if (!NumberText.isFloat(c, valueStart, valueEnd)) {
            error(valueStart, valueStart == valueEnd ? "the sample has no value"
                    : "value \"" + new String(c, valueStart, valueEnd - valueStart) + "\" is not a number",
                    "a float such as 1027, 0.25, 1.5e3, NaN, +Inf or -Inf", "");
            return;
        }
        double value = NumberText.parseFloat(c, valueStart, valueEnd);
        int timeStart = skipBlanks(valueEnd);
        if (timeStart == end || c[timeStart] == '#') {
            error(timeStart, "recorded data needs a timestamp on every sample", "a timestamp in " + TIMESTAMP
                    + " after the value", "promtool tsdb create-blocks-from openmetrics has the same rule");
            return;
        }
        int timeEnd = tokenEnd(timeStart);
        long timestamp = timestamp(timeStart, timeEnd);
        if (timestamp < 0) {
            return;
        }
        append(builder, timestamp, timeStart, value, skipBlanks(timeEnd));
    }

    /**
     * The series a sample line starting at {@code start} names, with {@link #cursor} after its name and labels; null
     * after reporting why there is none.
     */
    private SeriesBuilder series(int start) {
        int nameEnd = metricNameEnd(start);
        if (nameEnd == start) {
            notAName(start);
            return null;
        }
        int brace = skipBlanks(nameEnd);
        boolean labelled = brace < end && c[brace] == '{';
        int keyEnd = labelled ? closingBrace(brace) + 1 : nameEnd;
        SeriesBuilder builder = keyEnd > 0 ? known(start, keyEnd) : null;
        if (builder == null) {
            keyEnd = labelled ? labelsEnd(brace) : nameEnd;
            builder = keyEnd < 0 ? null : newSeries(start, nameEnd, labelled ? brace : -1, keyEnd);
        }
        cursor = keyEnd;
        return builder;
    }

    /** Appends a sample whose line goes on at {@code rest}: at its end or at an exemplar, nothing else. */
    private void append(SeriesBuilder builder, long timestamp, int timeStart, double value, int rest) {
        if (rest < end && c[rest] != '#') {
            error(rest, "unexpected " + found(rest) + " after the timestamp",
                    "the end of the line or an exemplar: # {trace_id=\"...\"} value", "");
        } else if (rest < end && !builder.name().endsWith("_total") && !builder.name().endsWith("_bucket")) {
            error(rest, "an exemplar on " + builder.name(), "exemplars only on _total and _bucket samples",
                    "OpenMetrics allows them on counters and histogram buckets only; promtool rejects the file");
        } else if (!builder.accepts(timestamp)) {
            error(timeStart, "sample at " + Instant.ofEpochMilli(timestamp) + " is not after "
                    + builder.previousSample(), "increasing timestamps within a series",
                    "sort the samples of each series by time; promtool would drop this one");
        } else {
            builder.append(timestamp, value, lines.number());
        }
    }

    private void notAName(int start) {
        int tokenEnd = start;
        while (tokenEnd < end && c[tokenEnd] != ' ' && c[tokenEnd] != '{' && tokenEnd - start < 40) {
            tokenEnd++;
        }
        String expected = "a sample: a metric name matching " + NAME_SYNTAX + ", labels, value and timestamp";
        if (tokenEnd == start) {
            error(start, "unexpected '" + c[start] + "' where a metric name belongs", expected, "");
        } else {
            error(start, "\"" + new String(c, start, tokenEnd - start) + "\" is not a metric name", expected, "");
        }
    }

    private long timestamp(int from, int to) {
        long millis = NumberText.secondsToMillis(c, from, to);
        if (millis == NumberText.NOT_A_NUMBER) {
            error(from, "timestamp \"" + new String(c, from, to - from) + "\" is not a number", TIMESTAMP, "");
        } else if (millis == NumberText.OUT_OF_RANGE) {
            error(from, "timestamp " + new String(c, from, to - from) + " is out of range", "unix seconds from 0 to 253402300799 (year 9999)",
                    "OpenMetrics timestamps are seconds; Prometheus text format 0.0.4 used milliseconds: divide "
                            + "by 1000");
        }
        return millis;
    }

    /**
     * The series named by {@code c[from, to)} when that text was seen before, else null. Files repeat an order of
     * series (all samples of one series, or one sample of each series per scrape), so the series that followed the
     * previous line's series last time is tried before the index.
     */
    private SeriesBuilder known(int from, int to) {
        SeriesIndex.Entry guess = previous == null ? null : previous.successor();
        SeriesIndex.Entry entry = guess != null && guess.matches(c, from, to) ? guess : index.get(c, from, to);
        if (entry != null) {
            follow(entry);
        }
        return entry == null ? null : entry.series();
    }

    private void follow(SeriesIndex.Entry entry) {
        if (previous != null) {
            previous.successor(entry);
        }
        previous = entry;
    }

    /** The series of a sample not seen before; {@code brace} is where its label set opens, or -1. */
    private SeriesBuilder newSeries(int from, int nameEnd, int brace, int keyEnd) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put("__name__", LabelSetParser.intern(strings, new String(c, from, nameEnd - from)));
        if (brace >= 0 && !LabelSetParser.parse(c, brace, keyEnd, labels, strings, this::error)) {
            return null;
        }
        SeriesBuilder builder = byLabels.get(labels);
        if (builder == null) {
            if (series.size() == MAX_SERIES) {
                error(from, "more than " + MAX_SERIES + " series", "at most " + MAX_SERIES + " series in one file",
                        "record only the series the SLOs need");
                return null;
            }
            builder = new SeriesBuilder(labels);
            byLabels.put(labels, builder);
            series.add(builder);
        }
        follow(index.put(c, from, keyEnd, builder));
        return builder;
    }

    /** The index after the label set that opens at {@code brace}, or -1 after reporting why there is none. */
    private int labelsEnd(int brace) {
        int close = closingBrace(brace);
        if (close < 0) {
            // Let the label parser say what is wrong; it finds an error before the end of the line.
            LabelSetParser.parse(c, brace, end, new TreeMap<>(), strings, this::error);
            return -1;
        }
        return close + 1;
    }

    /** The index of the '}' closing the label set that opens at {@code open}, skipping quoted values; or -1. */
    private int closingBrace(int open) {
        boolean quoted = false;
        for (int i = open + 1; i < end; i++) {
            char ch = c[i];
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '}') {
                return i;
            }
        }
        return -1;
    }

    private int metricNameEnd(int from) {
        int i = from;
        while (i < end && (c[i] >= 'a' && c[i] <= 'z' || c[i] >= 'A' && c[i] <= 'Z' || c[i] == '_' || c[i] == ':'
                || i > from && c[i] >= '0' && c[i] <= '9')) {
            i++;
        }
        return i;
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < end && (c[i] == ' ' || c[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int tokenEnd(int from) {
        int i = from;
        while (i < end && c[i] != ' ' && c[i] != '\t') {
            i++;
        }
        return i;
    }

    private String found(int index) {
        return index >= end ? "end of line" : "'" + c[index] + "'";
    }

    private void error(int index, String message, String expected, String hint) {
        problems.error(lines.number(), lines.column(index), message, expected, hint);
    }
}
