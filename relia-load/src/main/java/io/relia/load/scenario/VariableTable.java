package io.relia.load.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Rows of values read from a CSV file (first line: column names). Requests take rows in turn, wrapping around.
 *
 * @param file    the CSV file, for messages
 * @param columns the column names, in file order
 * @param rows    the values, each row as long as {@code columns}
 */
public record VariableTable(Path file, List<String> columns, List<List<String>> rows) {

    public VariableTable {
        Objects.requireNonNull(file, "file");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
