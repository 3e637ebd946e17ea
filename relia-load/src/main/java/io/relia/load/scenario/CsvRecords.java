package io.relia.load.scenario;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 text into records of fields, remembering the line each record starts on. */
final class CsvRecords {

    /** One record: its fields and the 1-based line it starts on. */
    record Record(List<String> fields, int line) {
        Record {
            fields = List.copyOf(fields);
        }

        Location location(Path csv) {
            return new Location(csv.toString(), line, 0);
        }

        boolean isEmptyLine() {
            return fields.size() == 1 && fields.getFirst().isEmpty();
        }
    }

    private CsvRecords() {
    }

    /** The records of {@code text}; empty lines are left out; malformed quoting is reported, located. */
    static List<Record> parse(Path csv, String text, Problems problems) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int lineStart = 0;
        int recordLine = 1;
        boolean quotedField = false;
        boolean anyQuote = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quotedField) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quotedField = false;
                    i++;
                    if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n'
                            && text.charAt(i) != '\r') {
                        problems.add(Problem.error(new Location(csv.toString(), line, i - lineStart + 1),
                                "text after the closing quote of a field", "a comma or the end of the line",
                                "double a quote inside a quoted field: \"say \"\"hi\"\"\""));
                        return List.of();
                    }
                    continue;
                }
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                }
                field.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!field.isEmpty()) {
                        problems.add(Problem.error(new Location(csv.toString(), line, i - lineStart + 1),
                                "a quote inside an unquoted field", "quotes only around a whole field",
                                "quote the field and double the quote: \"5\"\" tall\""));
                        return List.of();
                    }
                    quotedField = true;
                    anyQuote = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    anyQuote = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    addRecord(records, fields, recordLine, anyQuote);
                    field.setLength(0);
                    fields.clear();
                    anyQuote = false;
                    line++;
                    lineStart = i + 1;
                    recordLine = line;
                }
                default -> field.append(c);
            }
            i++;
        }
        if (quotedField) {
            problems.add(Problem.error(new Location(csv.toString(), recordLine, 0), "a quoted field is not closed",
                    "a closing quote", "double a quote inside a quoted field: \"say \"\"hi\"\"\""));
            return List.of();
        }
        if (!field.isEmpty() || !fields.isEmpty() || anyQuote) {
            fields.add(field.toString());
            addRecord(records, fields, recordLine, anyQuote);
        }
        return records;
    }

    private static void addRecord(List<Record> records, List<String> fields, int line, boolean lastQuoted) {
        Record record = new Record(fields, line);
        if (!record.isEmptyLine() || lastQuoted) {
            records.add(record);
        }
    }
}
