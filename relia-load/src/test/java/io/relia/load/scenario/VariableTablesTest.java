package io.relia.load.scenario;

import io.relia.core.InputException;
import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariableTablesTest {

    @TempDir
    Path dir;

    private VariableTable read(String csv) throws IOException {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, csv);
        return VariableTables.read(file);
    }

    private List<String> problems(String csv) throws IOException {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, csv);
        try {
            VariableTables.read(file);
        } catch (InputException invalid) {
            return invalid.problems().stream().map(Problem::format).map(line -> line.replace(dir + "/", ""))
                    .toList();
        }
        throw new AssertionError("expected the CSV to be rejected");
    }

    @Test
    void readsTheHeaderAsColumnsAndEveryOtherLineAsARow() throws IOException {
        VariableTable table = read("user,page\nalice,1\nbob,2\n");

        assertThat(table.columns()).containsExactly("user", "page");
        assertThat(table.rows()).containsExactly(List.of("alice", "1"), List.of("bob", "2"));
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        VariableTable table = read("name,note\r\n\"Smith, Jane\",\"she said \"\"hi\"\"\"\r\n\"x\",\"two\r\nlines\"\r\n");

        assertThat(table.rows()).containsExactly(List.of("Smith, Jane", "she said \"hi\""),
                List.of("x", "two\r\nlines"));
    }

    @Test
    void acceptsCrlfAndAMissingFinalLineBreak() throws IOException {
        assertThat(read("a,b\r\n1,2\r\n3,4").rows()).containsExactly(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void keepsEmptyFieldsAndSkipsEmptyLines() throws IOException {
        assertThat(read("a,b\n,x\n\n\"\",\n").rows()).containsExactly(List.of("", "x"), List.of("", ""));
    }

    @Test
    void dropsAByteOrderMark() throws IOException {
        assertThat(read("\uFEFFuser\nalice\n").columns()).containsExactly("user");
    }

    @Test
    void reportsEveryRowWithTheWrongNumberOfFieldsAtItsLine() throws IOException {
        assertThat(problems("user,page\nalice,1\nbob\n\"c,d\",3,4\n")).containsExactly(
                "users.csv:3: error: the row has 1 field(s), the header 2; expected 2 comma-separated fields "
                        + "(user, page) (hint: quote values that hold commas: \"a,b\")",
                "users.csv:4: error: the row has 3 field(s), the header 2; expected 2 comma-separated fields "
                        + "(user, page) (hint: quote values that hold commas: \"a,b\")");
    }

    @Test
    void locatesARowAfterAQuotedLineBreakAtTheLineItStartsOn() throws IOException {
        assertThat(problems("a,b\n\"x\ny\",1\nonly\n")).singleElement().asString().startsWith("users.csv:4: error:");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertThat(problems("")).containsExactly("users.csv:1:1: error: the file is empty; expected a header row of "
                + "column names, then one row per request");
    }

    @Test
    void rejectsAHeaderWithoutRows() throws IOException {
        assertThat(problems("user,page\n")).containsExactly("users.csv:1: error: the file has a header but no rows; "
                + "expected at least one row of values after the header");
    }

    @Test
    void rejectsDuplicateAndEmptyColumnNames() throws IOException {
        assertThat(problems("user,,user\n1,2,3\n")).containsExactly(
                "users.csv:1: error: the header has an empty column name; expected a name for every column",
                "users.csv:1: error: the header names column \"user\" twice; expected unique column names");
    }

    @Test
    void rejectsAnUnclosedQuote() throws IOException {
        assertThat(problems("a\n\"open\n")).singleElement().asString()
                .startsWith("users.csv:2: error: a quoted field is not closed");
    }

    @Test
    void rejectsAQuoteInsideAnUnquotedField() throws IOException {
        assertThat(problems("a\n5\" tall\n")).singleElement().asString()
                .startsWith("users.csv:2:2: error: a quote inside an unquoted field");
    }

    @Test
    void rejectsTextAfterAClosingQuote() throws IOException {
        assertThat(problems("a\n\"x\"y\n")).singleElement().asString()
                .startsWith("users.csv:2:4: error: text after the closing quote of a field");
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThatThrownBy(() -> VariableTables.read(dir.resolve("nope.csv")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nope.csv does not exist");
    }
}
