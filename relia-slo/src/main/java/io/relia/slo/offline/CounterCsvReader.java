package io.relia.slo.offline;

import io.relia.core.spec.Suggestions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Reads a CSV of cumulative counters with a header row: {@code timestamp} (unix seconds or RFC 3339), {@code total}
 * and either {@code good} or {@code errors} (alias {@code bad}), optionally {@code slo}; columns in any order, names
 * in any case. Each SLO becomes two series, {@link RecordedData#CSV_EVENTS_METRIC} and
 * {@link RecordedData#CSV_ERRORS_METRIC}, labelled {@code slo} when the column exists. Counter resets are kept as
 * recorded. Blank lines and lines starting with {@code #} are skipped.
 */
final class CounterCsvReader {

    private static final List<String> COLUMNS = List.of("timestamp", "total", "good", "errors", "bad", "slo");
    private static final String HEADER = "columns timestamp, total, and good or errors (alias bad), optionally slo";
    private static final String TIMESTAMP = "unix seconds such as 1793606400 or RFC 3339 such as 2026-10-01T00:00:00Z";
    private static final String COUNT = "a count of events: a number from 0 up";

    /** Both series of one SLO. */
    private record Group(String slo, SeriesBuilder events, SeriesBuilder errors) {
    }

    private final TextLines lines;
    private final ReadProblems problems;
    private final CsvRow row = new CsvRow(this::error);
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private String[] names;
    private int headerLine;
    private int dataRows;
    private int timeColumn;
    private int totalColumn;
    private int partColumn;
    private boolean partIsGood;
    private int sloColumn;

    private CounterCsvReader(TextLines lines, ReadProblems problems) {
        this.lines = lines;
        this.problems = problems;
    }

    /** Reads all series from {@code in}; {@code file} names it in problems, which are thrown as one InputException. */
    static List<RecordedSeries> read(Path file, InputStream in) throws IOException {
        ReadProblems problems = new ReadProblems(file);
        CounterCsvReader reader = new CounterCsvReader(new TextLines(in, problems), problems);
        reader.readLines();
        problems.throwIfAny();
        List<RecordedSeries> series = new ArrayList<>();
        for (Group group : reader.groups.values()) {
            series.add(group.events().build());
            series.add(group.errors().build());
        }
        return series;
    }

    private void readLines() throws IOException {
        while (lines.next()) {
            char[] chars = lines.chars();
            int start = lines.start();
            while (start < lines.end() && (chars[start] == ' ' || chars[start] == '\t')) {
                start++;
            }
            if (start == lines.end() || chars[start] == '#') {
                continue;
            }
            boolean split = row.split(chars, lines.start(), lines.end());
            if (headerLine == 0) {
                headerLine = lines.number();
                if (!split || !header()) {
                    return;
                }
            } else {
                dataRows++;
                if (split) {
                    dataRow(chars);
                }
            }
        }
        if (!lines.complete()) {
            return;
        }
        if (headerLine == 0) {
            problems.fileError("the file is empty", "a header row such as timestamp,good,total and data rows", "");
        } else if (dataRows == 0) {
            problems.error(headerLine, 1, "the header is not followed by any data row",
                    "rows such as 1793606400,812406,812803", "");
        }
    }

    /** Reads the header row; false when the rows cannot be read with it. */
    private boolean header() {
        if (IntStream.range(0, row.size()).mapToObj(this::headerName).noneMatch(COLUMNS::contains)) {
            problems.error(headerLine, 1, "the first row is not a header", "a header row with " + HEADER, "");
            return false;
        }
        for (int k = 0; k < row.size(); k++) {
            String name = headerName(k);
            String column = name.equals("bad") ? "errors" : name;
            if (!COLUMNS.contains(name)) {
                error(row.position(k), "unknown column \"" + row.text(k) + "\"", HEADER, Suggestions.closest(name,
                        COLUMNS).map(near -> "did you mean \"" + near + "\"?").orElse(""));
            } else if (columns.containsKey(column)) {
                error(row.position(k), name.equals(column) ? "column \"" + name + "\" appears twice"
                        : "column \"bad\" is another name for \"errors\"", "each column once", "");
            } else {
                columns.put(column, k);
            }
        }
        checkRequiredColumns();
        if (!problems.isEmpty()) {
            return false;
        }
        names = new String[row.size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = row.text(k).strip();
        }
        timeColumn = columns.get("timestamp");
        totalColumn = columns.get("total");
        partIsGood = columns.containsKey("good");
        partColumn = columns.get(partIsGood ? "good" : "errors");
        sloColumn = columns.getOrDefault("slo", -1);
        return true;
    }

    private String headerName(int k) {
        return row.text(k).strip().toLowerCase(Locale.ROOT);
    }

    private void checkRequiredColumns() {
        if (columns.containsKey("good") && columns.containsKey("errors")) {
            error(row.position(Math.max(columns.get("good"), columns.get("errors"))),
                    "columns good and errors exclude each other", "either good or errors", "errors = total - good");
        }
        for (String required : List.of("timestamp", "total")) {
            if (!columns.containsKey(required)) {
                problems.error(headerLine, 1, "missing column \"" + required + "\"", HEADER, "");
            }
        }
        if (!columns.containsKey("good") && !columns.containsKey("errors")) {
            problems.error(headerLine, 1, "missing column \"good\" or \"errors\"", HEADER, "");
        }
    }

    private void dataRow(char[] chars) {
        if (row.size() != names.length) {
            int position = row.size() > names.length ? row.position(names.length) : lines.end();
            error(position, "the row has " + row.size() + " fields but the header has " + names.length,
                    names.length + " fields, as in the header (line " + headerLine + ")", "");
            return;
        }
        long timestamp = timestamp(timeColumn);
        double total = count(chars, totalColumn);
        double part = count(chars, partColumn);
        String slo = sloColumn < 0 ? "" : slo(sloColumn);
        if (timestamp < 0 || total < 0 || part < 0 || slo == null) {
            return;
        }
        if (part > total) {
            error(row.position(partColumn), names[partColumn] + " " + row.text(partColumn) + " is more than "
                    + names[totalColumn] + " " + row.text(totalColumn), names[partColumn] + " at most "
                    + names[totalColumn], "");
            return;
        }
        Group group = groups.computeIfAbsent(slo, this::group);
        if (!group.events().accepts(timestamp)) {
            error(row.position(timeColumn), "row at " + Instant.ofEpochMilli(timestamp)
                    + " is not after the previous row" + (slo.isEmpty() ? "" : " of SLO \"" + slo + "\"") + " at "
                    + group.events().lastTime(), "increasing timestamps" + (slo.isEmpty() ? "" : " within an SLO"),
                    "sort the rows by time");
            return;
        }
        group.events().append(timestamp, total, lines.number());
        group.errors().append(timestamp, partIsGood ? total - part : part, lines.number());
    }

    private Group group(String slo) {
        return new Group(slo, new SeriesBuilder(labels(RecordedData.CSV_EVENTS_METRIC, slo)),
                new SeriesBuilder(labels(RecordedData.CSV_ERRORS_METRIC, slo)));
    }

    private TreeMap<String, String> labels(String metric, String slo) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("__name__", metric);
        if (sloColumn >= 0) {
            labels.put("slo", slo);
        }
        return labels;
    }

    /** Epoch milliseconds of the timestamp in field {@code k}, or -1 after reporting a problem. */
    private long timestamp(int k) {
        long millis = NumberText.secondsToMillis(lines.chars(), row.start(k), row.end(k));
        String text = row.text(k);
        if (millis == NumberText.NOT_A_NUMBER && text.length() > 10 && text.charAt(4) == '-') {
            millis = rfc3339(text);
        }
        if (millis == NumberText.NOT_A_NUMBER) {
            error(row.position(k), "timestamp \"" + text + "\" is neither unix seconds nor RFC 3339", TIMESTAMP, "");
        } else if (millis == NumberText.OUT_OF_RANGE) {
            error(row.position(k), "timestamp " + text + " is out of range", "a time from 1970 to 9999 in "
                    + TIMESTAMP, "unix timestamps here are seconds: divide milliseconds by 1000");
        }
        return millis;
    }

    private static long rfc3339(String text) {
        // RFC 3339 allows a lower-case t and z, and a space for the T (section 5.6, note).
        char[] normal = text.toUpperCase(Locale.ROOT).toCharArray();
        if (normal[10] == ' ') {
            normal[10] = 'T';
        }
        try {
            long millis = OffsetDateTime.parse(new String(normal), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .toEpochMilli();
            return millis < 0 || millis > NumberText.MAX_MILLIS ? NumberText.OUT_OF_RANGE : millis;
        } catch (DateTimeParseException | ArithmeticException invalid) {
            return NumberText.NOT_A_NUMBER;
        }
    }

    /** The count in field {@code k}, or -1 after reporting a problem. */
    private double count(char[] chars, int k) {
        String column = names[k];
        double value = NumberText.isFloat(chars, row.start(k), row.end(k))
                ? NumberText.parseFloat(chars, row.start(k), row.end(k)) : Double.NaN;
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            error(row.position(k), column + " \"" + row.text(k) + "\" is not a number", COUNT, "");
            return -1;
        }
        if (value < 0) {
            error(row.position(k), column + " " + row.text(k) + " is negative", COUNT,
                    "counters count up from 0; a reset starts again at 0");
            return -1;
        }
        return value;
    }

    private String slo(int k) {
        String slo = row.text(k);
        if (slo.isBlank()) {
            error(row.position(k), "the slo field is empty", "an SLO id such as checkout-availability", "");
            return null;
        }
        return slo;
    }

    private void error(int index, String message, String expected, String hint) {
        problems.error(lines.number(), lines.column(index), message, expected, hint);
    }
}
