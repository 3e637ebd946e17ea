package io.relia.load.scenario;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the CSV files of scenario variables: RFC 4180 (quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF or LF line ends), a header row of unique column names, at least one row, every row as long as the
 * header. Empty lines are skipped.
 */
public final class VariableTables {

    /** Largest CSV file accepted (64 MiB): it is held in memory, one row per request in turn. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private VariableTables() {
    }

    /**
     * Reads a CSV file.
     *
     * @throws InputException with every problem, located by line, when the file is missing, unreadable or invalid
     */
    public static VariableTable read(Path csv) {
        Problems problems = new Problems();
        Optional<VariableTable> table = read(csv, Location.wholeFile(csv), problems);
        if (table.isEmpty()) {
            throw new InputException(problems.sorted());
        }
        return table.get();
    }

    /**
     * Reads a CSV file, reporting problems instead of throwing; a missing or unreadable file is reported at
     * {@code referencedAt} (where a scenario names it).
     */
    static Optional<VariableTable> read(Path csv, Location referencedAt, Problems problems) {
        String text;
        try {
            text = InputFiles.readString(csv, StandardCharsets.UTF_8, MAX_BYTES);
        } catch (RefusedFileException refused) {
            problems.add(Problem.error(referencedAt, "the variables file " + csv + ": " + refused.reason(),
                    "a CSV file of at most " + InputFiles.describeSize(MAX_BYTES), ""));
            return Optional.empty();
        } catch (NoSuchFileException missing) {
            problems.add(Problem.error(referencedAt, "the variables file " + csv + " does not exist",
                    "a CSV file, relative to the scenario file", ""));
            return Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            problems.add(Problem.error(Location.wholeFile(csv), "the file is not UTF-8", "UTF-8 text",
                    "save the file as UTF-8"));
            return Optional.empty();
        } catch (IOException unreadable) {
            problems.add(Problem.error(referencedAt, "cannot read the variables file " + csv + ": "
                    + unreadable.getMessage(), "a readable CSV file", ""));
            return Optional.empty();
        }
        return parse(csv, text, problems);
    }

    /** Parses CSV text; {@code csv} names it in messages. */
    static Optional<VariableTable> parse(Path csv, String text, Problems problems) {
        long errorsBefore = problems.errorCount();
        List<CsvRecords.Record> records = CsvRecords.parse(csv, text.startsWith("\uFEFF") ? text.substring(1) : text,
                problems);
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (records.isEmpty()) {
            problems.add(Problem.error(new Location(csv.toString(), 1, 1), "the file is empty",
                    "a header row of column names, then one row per request", ""));
            return Optional.empty();
        }
        CsvRecords.Record header = records.getFirst();
        Set<String> seen = new HashSet<>();
        for (String column : header.fields()) {
            if (column.isBlank()) {
                problems.add(Problem.error(header.location(csv), "the header has an empty column name",
                        "a name for every column", ""));
            } else if (!seen.add(column)) {
                problems.add(Problem.error(header.location(csv), "the header names column \"" + column
                        + "\" twice", "unique column names", ""));
            }
        }
        if (records.size() == 1) {
            problems.add(Problem.error(header.location(csv), "the file has a header but no rows",
                    "at least one row of values after the header", ""));
        }
        for (CsvRecords.Record row : records.subList(1, records.size())) {
            if (row.fields().size() != header.fields().size()) {
                problems.add(Problem.error(row.location(csv), "the row has " + row.fields().size() + " field(s), "
                        + "the header " + header.fields().size(), header.fields().size() + " comma-separated "
                        + "fields (" + String.join(", ", header.fields()) + ")",
                        "quote values that hold commas: \"a,b\""));
            }
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new VariableTable(csv, header.fields(),
                records.subList(1, records.size()).stream().map(CsvRecords.Record::fields).toList()));
    }
}
