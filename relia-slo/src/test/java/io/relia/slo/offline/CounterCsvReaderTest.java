package io.relia.slo.offline;

import io.relia.core.InputException;
import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class CounterCsvReaderTest {

    private static final Path FILE = Path.of("counters.csv");
    private static final Path EXAMPLE =
            Path.of("../examples/checkout-service/reliability/history/checkout-requests.csv");

    private static List<RecordedSeries> read(String text) {
        try {
            return CounterCsvReader.read(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static List<String> problems(String text) {
        try {
            read(text);
        } catch (InputException rejected) {
            return rejected.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("accepted:\n" + text);
    }

    private static SortedMap<String, String> labels(String metric, String slo) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put("__name__", metric);
        if (slo != null) {
            labels.put("slo", slo);
        }
        return labels;
    }

    private static RecordedSeries series(String metric, String slo, long[] seconds, double... values) {
        return new RecordedSeries(labels(metric, slo), Arrays.stream(seconds).map(s -> s * 1000).toArray(), values);
    }

    @Test
    void turnsGoodAndTotalIntoEventAndErrorCounters() {
        List<RecordedSeries> series = read("timestamp,good,total\n1793606400,90,100\n1793606460,180,200\n");
        long[] times = {1_793_606_400L, 1_793_606_460L};
        assertThat(series).containsExactly(series(RecordedData.CSV_EVENTS_METRIC, null, times, 100, 200),
                series(RecordedData.CSV_ERRORS_METRIC, null, times, 10, 20));
    }

    @Test
    void readsErrorsOrItsAliasBadInAnyColumnOrderAndCase() {
        List<RecordedSeries> errors = read("Total,ERRORS,Timestamp\n100,3,1793606400\n");
        List<RecordedSeries> bad = read("bad,timestamp,total\n3,1793606400,100\n");
        assertThat(errors).isEqualTo(bad);
        assertThat(errors.get(1).values()).containsExactly(3);
        assertThat(errors.get(0).values()).containsExactly(100);
    }

    @Test
    void groupsInterleavedRowsBySloAndLabelsThem() {
        List<RecordedSeries> series = read("""
                timestamp,slo,good,total
                100,checkout-availability,9,10
                100,search,5,5
                200,checkout-availability,18,20
                200,search,9,10
                """);
        assertThat(series).extracting(RecordedSeries::name, one -> one.labels().get("slo"), RecordedSeries::size)
                .containsExactly(tuple(RecordedData.CSV_EVENTS_METRIC, "checkout-availability", 2),
                        tuple(RecordedData.CSV_ERRORS_METRIC, "checkout-availability", 2),
                        tuple(RecordedData.CSV_EVENTS_METRIC, "search", 2),
                        tuple(RecordedData.CSV_ERRORS_METRIC, "search", 2));
        assertThat(series.get(3).values()).containsExactly(0, 1);
    }

    @Test
    void readsRfc3339AndFractionalUnixTimestamps() {
        RecordedSeries events = read("""
                timestamp,good,total
                2026-10-01T00:00:00Z,1,1
                2026-10-01t02:00:00.5+02:00,2,2
                2026-10-01 00:00:01z,3,3
                1790812801.25,4,4
                """).getFirst();
        assertThat(events.timestamps()).containsExactly(Instant.parse("2026-10-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2026-10-01T00:00:00.500Z").toEpochMilli(),
                Instant.parse("2026-10-01T00:00:01Z").toEpochMilli(), 1_790_812_801_250L);
    }

    @Test
    void keepsCounterResetsAsRecorded() {
        RecordedSeries events = read("timestamp,good,total\n1,90,100\n2,5,6\n3,15,20\n").getFirst();
        assertThat(events.values()).containsExactly(100, 6, 20);
    }

    @Test
    void skipsBlankLinesAndCommentsAndReadsQuotedFields() {
        List<RecordedSeries> series = read("# exported by the billing job\n\"timestamp\" , \"slo\", good,total\n\n"
                + "1,\"checkout, \"\"eu\"\"\",1.5e2,200\n  # a comment between rows\n"
                + "2,\"checkout, \"\"eu\"\"\",300,400\n");
        assertThat(series.getFirst().labels()).containsEntry("slo", "checkout, \"eu\"");
        assertThat(series.get(1).values()).containsExactly(50, 100);
    }

    @Test
    void readsAFileSavedWithAByteOrderMarkAndCrlfLineEnds() {
        List<RecordedSeries> series = read("\uFEFFtimestamp,good,total\r\n1,9,10\r\n");
        assertThat(series.getFirst().values()).containsExactly(10);
    }

    @Test
    void rejectsUnknownColumnsWithASuggestion() {
        assertThat(problems("timestamp,goood,total,region\n1,1,1,eu\n")).containsExactly(
                "counters.csv:1:1: error: missing column \"good\" or \"errors\"; expected columns timestamp, total, "
                        + "and good or errors (alias bad), optionally slo",
                "counters.csv:1:11: error: unknown column \"goood\"; expected columns timestamp, total, and good or "
                        + "errors (alias bad), optionally slo (hint: did you mean \"good\"?)",
                "counters.csv:1:23: error: unknown column \"region\"; expected columns timestamp, total, and good or "
                        + "errors (alias bad), optionally slo");
    }

    @Test
    void rejectsAHeaderWithoutRequiredColumns() {
        assertThat(problems("timestamp,good\n1,1\n")).containsExactly("counters.csv:1:1: error: missing column "
                + "\"total\"; expected columns timestamp, total, and good or errors (alias bad), optionally slo");
    }

    @Test
    void rejectsBothGoodAndErrorsColumns() {
        assertThat(problems("timestamp,total,good,bad\n1,1,1,0\n")).containsExactly("counters.csv:1:22: error: "
                + "columns good and errors exclude each other; expected either good or errors (hint: errors = total "
                + "- good)");
    }

    @Test
    void rejectsAColumnGivenTwice() {
        assertThat(problems("timestamp,errors,total,BAD\n1,1,1,1\n")).containsExactly("counters.csv:1:24: error: "
                + "column \"bad\" is another name for \"errors\"; expected each column once");
    }

    @Test
    void rejectsAFirstRowThatIsNotAHeader() {
        assertThat(problems("1793606400,1,2\n")).containsExactly("counters.csv:1:1: error: the first row is not a "
                + "header; expected a header row with columns timestamp, total, and good or errors (alias bad), "
                + "optionally slo");
    }

    @Test
    void rejectsValuesThatAreNotNumbers() {
        assertThat(problems("timestamp,good,total\n1,12,n/a\n")).containsExactly("counters.csv:2:6: error: total "
                + "\"n/a\" is not a number; expected a count of events: a number from 0 up");
    }

    @Test
    void rejectsMoreGoodThanTotalEvents() {
        assertThat(problems("timestamp,good,total\n1,101,100\n")).containsExactly("counters.csv:2:3: error: good "
                + "101 is more than total 100; expected good at most total");
    }

    @Test
    void rejectsNegativeCounts() {
        assertThat(problems("timestamp,errors,total\n1,-1,100\n")).containsExactly("counters.csv:2:3: error: "
                + "errors -1 is negative; expected a count of events: a number from 0 up (hint: counters count up "
                + "from 0; a reset starts again at 0)");
    }

    @Test
    void rejectsTimestampsThatDoNotIncreaseWithinAnSlo() {
        assertThat(problems("timestamp,slo,good,total\n100,a,1,1\n100,b,1,1\n100,a,2,2\n")).containsExactly(
                "counters.csv:4:1: error: row at 1970-01-01T00:01:40Z is not after the previous row of SLO \"a\" at "
                        + "1970-01-01T00:01:40Z (line 2); expected increasing timestamps within an SLO (hint: sort "
                        + "the rows by time)");
    }

    @Test
    void rejectsTimestampsInNeitherForm() {
        assertThat(problems("timestamp,good,total\n01/10/2026,1,1\n2026-13-01T00:00:00Z,1,1\n")).containsExactly(
                "counters.csv:2:1: error: timestamp \"01/10/2026\" is neither unix seconds nor RFC 3339; expected "
                        + "unix seconds such as 1793606400 or RFC 3339 such as 2026-10-01T00:00:00Z",
                "counters.csv:3:1: error: timestamp \"2026-13-01T00:00:00Z\" is neither unix seconds nor RFC 3339; "
                        + "expected unix seconds such as 1793606400 or RFC 3339 such as 2026-10-01T00:00:00Z");
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFields() {
        assertThat(problems("timestamp,good,total\n1,1\n2,1,1,1\n")).containsExactly(
                "counters.csv:2:4: error: the row has 2 fields but the header has 3; expected 3 fields, as in the "
                        + "header (line 1)",
                "counters.csv:3:7: error: the row has 4 fields but the header has 3; expected 3 fields, as in the "
                        + "header (line 1)");
    }

    @Test
    void rejectsAQuotedFieldThatIsNotClosed() {
        assertThat(problems("timestamp,slo,good,total\n1,\"checkout,1,1\n")).containsExactly("counters.csv:2:16: "
                + "error: the quoted field is not closed; expected a closing \" (hint: fields cannot span lines in "
                + "recorded data)");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(problems("# nothing yet\n\n")).containsExactly("counters.csv: error: the file is empty; "
                + "expected a header row such as timestamp,good,total and data rows");
    }

    @Test
    void rejectsAHeaderWithoutRows() {
        assertThat(problems("timestamp,good,total\n")).containsExactly("counters.csv:1:1: error: the header is not "
                + "followed by any data row; expected rows such as 1793606400,812406,812803");
    }

    @Test
    void readsTheCheckoutExampleThroughTheLoader() {
        RecordedData data = RecordedData.load(EXAMPLE);
        assertThat(data.format()).isEqualTo(RecordedData.Format.CSV);
        assertThat(data.series()).extracting(RecordedSeries::name, RecordedSeries::size).containsExactly(
                tuple(RecordedData.CSV_EVENTS_METRIC, 361), tuple(RecordedData.CSV_ERRORS_METRIC, 361));
        assertThat(data.series().get(1).values()[0]).isEqualTo(812_803 - 812_406);
    }

    @Test
    void loaderRecognisesCsvByItsHeaderWhateverTheExtension(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("history.txt"), "# export\ntimestamp,good,total\n1,1,1\n");
        assertThat(RecordedData.load(file).format()).isEqualTo(RecordedData.Format.CSV);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void readsBackWhatItWritesForRandomCounters(long seed) {
        Random random = new Random(seed);
        boolean withSlo = random.nextBoolean();
        boolean withGood = random.nextBoolean();
        List<String> columns = new ArrayList<>(List.of("timestamp", "total", withGood ? "good" : "errors"));
        if (withSlo) {
            columns.add("slo");
        }
        Collections.shuffle(columns, random);
        List<String> slos = withSlo ? List.of("checkout", "search, \"eu\"", "ünïcode", " spaced") : List.of("");
        List<RecordedSeries> expected = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String slo : slos) {
            long[] times = new long[random.nextInt(1, 30)];
            double[] totals = new double[times.length];
            double[] errors = new double[times.length];
            List<String> lines = new ArrayList<>();
            long millis = random.nextLong(0, 4_000_000_000_000L);
            for (int i = 0; i < times.length; i++) {
                millis += random.nextInt(1, 3_600_000);
                boolean reset = i == 0 || random.nextInt(20) == 0;
                double added = random.nextInt(1000);
                times[i] = millis;
                totals[i] = (reset ? 0 : totals[i - 1]) + added;
                errors[i] = (reset ? 0 : errors[i - 1]) + Math.floor(added * random.nextDouble());
                Map<String, String> fields = Map.of("timestamp", random.nextBoolean() ? seconds(millis)
                        : Instant.ofEpochMilli(millis).toString(), "total", format(totals[i]), "good",
                        format(totals[i] - errors[i]), "errors", format(errors[i]), "slo", quoted(slo));
                lines.add(String.join(",", columns.stream().map(fields::get).toList()));
            }
            rows.add(lines);
            expected.add(new RecordedSeries(labels(RecordedData.CSV_EVENTS_METRIC, withSlo ? slo : null), times,
                    totals));
            expected.add(new RecordedSeries(labels(RecordedData.CSV_ERRORS_METRIC, withSlo ? slo : null), times,
                    errors));
        }
        String header = String.join(",", columns.stream().map(column -> random.nextBoolean() ? column
                : column.toUpperCase(Locale.ROOT)).map(column -> column.equalsIgnoreCase("errors")
                && random.nextBoolean() ? "bad" : column).toList());
        assertThat(read(header + "\n" + interleave(rows, random))).containsExactlyElementsOf(expected);
    }

    /** The rows of all SLOs, each SLO's in order; first rows in SLO order, then SLOs interleaved at random. */
    private static String interleave(List<List<String>> rows, Random random) {
        StringBuilder text = new StringBuilder();
        int[] next = new int[rows.size()];
        int left = 0;
        for (int s = 0; s < rows.size(); s++) {
            text.append(rows.get(s).get(next[s]++)).append('\n');
            left += rows.get(s).size() - 1;
        }
        while (left > 0) {
            int s = random.nextInt(rows.size());
            if (next[s] < rows.get(s).size()) {
                text.append(rows.get(s).get(next[s]++)).append('\n');
                left--;
            }
        }
        return text.toString();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis / 1000 + "." + String.format("%03d",
                millis % 1000);
    }

    private static String format(double count) {
        return count == Math.rint(count) && count < 1e15 ? Long.toString((long) count) : Double.toString(count);
    }

    private static String quoted(String slo) {
        return slo.contains(",") || slo.contains("\"") || slo.startsWith(" ")
                ? "\"" + slo.replace("\"", "\"\"") + "\"" : slo;
    }
}
