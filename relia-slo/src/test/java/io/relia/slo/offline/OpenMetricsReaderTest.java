package io.relia.slo.offline;

import io.relia.core.InputException;
import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OpenMetricsReaderTest {

    private static final Path FILE = Path.of("data.om");
    private static final Path EXAMPLE =
            Path.of("../examples/checkout-service/reliability/history/checkout-requests.om");

    private static List<RecordedSeries> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RecordedSeries> read(byte[] bytes) {
        try {
            return OpenMetricsReader.read(FILE, new ByteArrayInputStream(bytes));
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static List<String> problems(String text) {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] bytes) {
        try {
            read(bytes);
        } catch (InputException rejected) {
            return rejected.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("accepted:\n" + new String(bytes, StandardCharsets.UTF_8));
    }

    private static SortedMap<String, String> labels(String... namesAndValues) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }

    @Test
    void readsSamplesIntoSeriesWithSortedLabelsAndTheMetricNameUnderName() {
        List<RecordedSeries> series = read("""
                # HELP http_requests Requests.
                # TYPE http_requests counter
                http_requests_total{status="200",method="GET"} 10 1793606400
                http_requests_total{status="200",method="GET"} 12 1793606460
                http_requests_total{status="500",method="GET"} 1 1793606400
                # EOF
                """);
        assertThat(series).containsExactly(
                new RecordedSeries(labels("__name__", "http_requests_total", "method", "GET", "status", "200"),
                        new long[] {1_793_606_400_000L, 1_793_606_460_000L}, new double[] {10, 12}),
                new RecordedSeries(labels("__name__", "http_requests_total", "method", "GET", "status", "500"),
                        new long[] {1_793_606_400_000L}, new double[] {1}));
        assertThat(series.getFirst().labels().keySet()).containsExactly("__name__", "method", "status");
    }

    @Test
    void convertsFractionalAndExponentSecondsToExactMilliseconds() {
        RecordedSeries series = read("""
                up 1 1793606400.123
                up 1 1793606400.9999
                up 1 1.7936064015e9
                up 1 +1793606402
                # EOF
                """).getFirst();
        assertThat(series.timestamps()).containsExactly(1_793_606_400_123L, 1_793_606_400_999L, 1_793_606_401_500L,
                1_793_606_402_000L);
    }

    @Test
    void readsSpecialValuesAndExponentFormsAsPrometheusDoes() {
        RecordedSeries series = read("""
                g NaN 1
                g +Inf 2
                g -Inf 3
                g 1.5e3 4
                g -2.5E-1 5
                g inf 6
                g .5 7
                g 12345678901234567890 8
                # EOF
                """).getFirst();
        assertThat(series.values()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                1500, -0.25, Double.POSITIVE_INFINITY, 0.5, 1.2345678901234567e19);
    }

    @Test
    void unescapesBackslashQuoteAndNewlineInLabelValuesAndKeepsOtherEscapes() {
        RecordedSeries series = read("""
                m{path="C:\\\\temp",quote="say \\"hi\\"",lines="a\\nb",tab="a\\tb",utf="é→"} 1 1
                # EOF
                """).getFirst();
        assertThat(series.labels()).containsEntry("path", "C:\\temp").containsEntry("quote", "say \"hi\"")
                .containsEntry("lines", "a\nb").containsEntry("tab", "a\\tb").containsEntry("utf", "é→");
    }

    @Test
    void ignoresExemplars() {
        RecordedSeries series = read("""
                # TYPE h histogram
                h_bucket{le="+Inf"} 4 1793606400 # {trace_id="abc"} 0.5 1793606399.5
                h_bucket{le="+Inf"} 5 1793606460 # {trace_id="d}ef"} 0.7
                # EOF
                """).getFirst();
        assertThat(series.values()).containsExactly(4, 5);
    }

    @Test
    void rejectsExemplarsWhereOpenMetricsDoesNotAllowThem() {
        assertThat(problems("latency 1 100 # {trace_id=\"abc\"} 1\n# EOF\n")).containsExactly("data.om:1:15: "
                + "error: an exemplar on latency; expected exemplars only on _total and _bucket samples (hint: "
                + "OpenMetrics allows them on counters and histogram buckets only; promtool rejects the file)");
    }

    @Test
    void mergesASeriesWhoseSamplesComeInSeparateGroups() {
        List<RecordedSeries> series = read("""
                a_total 1 100
                b_total 1 100
                a_total{} 2 200
                b_total 2 200
                # EOF
                """);
        assertThat(series).extracting(RecordedSeries::name, RecordedSeries::size)
                .containsExactly(tuple("a_total", 2),
                        tuple("b_total", 2));
    }

    @Test
    void treatsLabelsWrittenInAnotherOrderAsTheSameSeries() {
        List<RecordedSeries> series = read("""
                m{a="1",b="2"} 1 100
                m{b="2",a="1"} 2 200
                # EOF
                """);
        assertThat(series).hasSize(1);
        assertThat(series.getFirst().values()).containsExactly(1, 2);
    }

    @Test
    void acceptsEveryMetricTypeWithHelpAndUnit() {
        List<RecordedSeries> series = read("""
                # TYPE c counter
                # TYPE g gauge
                # TYPE h histogram
                # TYPE gh gaugehistogram
                # TYPE s summary
                # TYPE i info
                # TYPE st stateset
                # TYPE u unknown
                # HELP latency_seconds Latency, with an escaped \\n newline.
                # UNIT latency_seconds seconds
                latency_seconds 0.25 1
                # EOF
                """);
        assertThat(series).singleElement().extracting(RecordedSeries::name).isEqualTo("latency_seconds");
    }

    @Test
    void toleratesWhatPrometheusTextFormatAllows() {
        List<RecordedSeries> series = read("# a free comment\r\n\r\n# TYPE m untyped\r\n"
                + "m{a=\"1\",} 1 100\r\nm { a = \"1\" }\t2  200\r\n# EOF\r\n");
        assertThat(series).singleElement().satisfies(one -> {
            assertThat(one.labels()).containsEntry("a", "1");
            assertThat(one.values()).containsExactly(1, 2);
        });
    }

    @Test
    void rejectsAFileThatDoesNotEndWithEof() {
        assertThat(problems("up 1 100\nup 2 200\n")).containsExactly("data.om:3:1: error: data does not end with "
                + "# EOF; expected a last line # EOF (hint: OpenMetrics ends with it, Prometheus text format 0.0.4 "
                + "does not: append it)");
    }

    @Test
    void rejectsASampleWithoutTimestamp() {
        assertThat(problems("up{job=\"a\"} 1\n# EOF\n")).containsExactly("data.om:1:14: error: recorded data needs "
                + "a timestamp on every sample; expected a timestamp in unix seconds such as 1793606400 or "
                + "1793606400.25 after the value (hint: promtool tsdb create-blocks-from openmetrics has the same "
                + "rule)");
    }

    @Test
    void rejectsSamplesOutOfTimeOrderWithinASeries() {
        assertThat(problems("up 1 200\nother 1 100\nup 2 200\n# EOF\n")).containsExactly("data.om:3:6: error: "
                + "sample at 1970-01-01T00:03:20Z is not after the previous sample of up at 1970-01-01T00:03:20Z "
                + "(line 1); expected increasing timestamps within a series (hint: sort the samples of each series "
                + "by time; promtool would drop this one)");
    }

    @Test
    void rejectsALabelNameThatAppearsTwice() {
        assertThat(problems("up{a=\"1\",a=\"2\"} 1 100\n# EOF\n")).containsExactly("data.om:1:10: error: label "
                + "\"a\" appears twice; expected each label name once in a sample");
    }

    @Test
    void rejectsAValueThatIsNotANumber() {
        assertThat(problems("up 1_000 100\nup 0x10 200\n# EOF\n")).containsExactly(
                "data.om:1:4: error: value \"1_000\" is not a number; expected a float such as 1027, 0.25, 1.5e3, "
                        + "NaN, +Inf or -Inf",
                "data.om:2:4: error: value \"0x10\" is not a number; expected a float such as 1027, 0.25, 1.5e3, "
                        + "NaN, +Inf or -Inf");
    }

    @Test
    void rejectsATimestampThatIsNotANumber() {
        assertThat(problems("up 1 2026-10-01\n# EOF\n")).containsExactly("data.om:1:6: error: timestamp "
                + "\"2026-10-01\" is not a number; expected unix seconds such as 1793606400 or 1793606400.25");
    }

    @Test
    void rejectsMillisecondTimestampsWithAHint() {
        assertThat(problems("up 1 1793606400000\n# EOF\n")).containsExactly("data.om:1:6: error: timestamp "
                + "1793606400000 is out of range; expected unix seconds from 0 to 253402300799 (year 9999) (hint: "
                + "OpenMetrics timestamps are seconds; Prometheus text format 0.0.4 used milliseconds: divide by "
                + "1000)");
    }

    @Test
    void rejectsALabelValueThatIsNotClosed() {
        assertThat(problems("up{a=\"1} 1 100\n# EOF\n")).containsExactly("data.om:1:15: error: the value of label "
                + "\"a\" is not closed; expected a closing \" (hint: write a quote inside a value as \\\" and a line "
                + "break as \\n)");
    }

    @Test
    void rejectsALabelWithoutEquals() {
        assertThat(problems("up{a:\"1\"} 1 100\n# EOF\n")).containsExactly("data.om:1:5: error: unexpected ':' "
                + "after label name \"a\"; expected = and a quoted value");
    }

    @Test
    void rejectsALineThatDoesNotStartWithAMetricName() {
        assertThat(problems("9lives 1 100\n{a=\"1\"} 1 100\n# EOF\n")).containsExactly(
                "data.om:1:1: error: \"9lives\" is not a metric name; expected a sample: a metric name matching "
                        + "[a-zA-Z_:][a-zA-Z0-9_:]*, labels, value and timestamp",
                "data.om:2:1: error: unexpected '{' where a metric name belongs; expected a sample: a metric name "
                        + "matching [a-zA-Z_:][a-zA-Z0-9_:]*, labels, value and timestamp");
    }

    @Test
    void rejectsDataAfterEof() {
        assertThat(problems("up 1 100\n# EOF\nup 2 200\nup 3 300\n")).containsExactly("data.om:3:1: error: "
                + "unexpected data after # EOF; expected nothing after the # EOF line (line 2)");
    }

    @Test
    void rejectsAnUnknownMetricType() {
        assertThat(problems("# TYPE up flag\nup 1 100\n# EOF\n")).containsExactly("data.om:1:11: error: unknown "
                + "metric type \"flag\" for up; expected counter, gauge, histogram, gaugehistogram, summary, info, "
                + "stateset or unknown");
    }

    @Test
    void rejectsAUnitThatIsNotASuffixOfTheFamilyName() {
        assertThat(problems("# UNIT latency seconds\nlatency 1 100\n# EOF\n")).containsExactly("data.om:1:16: error: "
                + "unit \"seconds\" is not a suffix of metric family \"latency\"; expected a family name ending in "
                + "_seconds (hint: OpenMetrics requires it, and promtool rejects the file)");
    }

    @Test
    void rejectsAnEndMarkerWithoutSpace() {
        assertThat(problems("up 1 100\n#EOF\n")).containsExactly("data.om:2:1: error: #EOF is not an end marker; "
                + "expected # EOF, with a space");
    }

    @Test
    void locatesTheFirstByteThatIsNotUtf8() {
        byte[] bytes = "up 1 100\nup{a=\"é\u0000\"} 2 200\n# EOF\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytes[i] == 0 ? (byte) 0xff : bytes[i];
        }
        assertThat(problems(bytes)).containsExactly("data.om:2:8: error: byte 0xff is not UTF-8; expected UTF-8 "
                + "text (hint: save the file as UTF-8)");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(problems("\n\n")).containsExactly("data.om: error: the file is empty; expected OpenMetrics text "
                + "ending with # EOF");
    }

    @Test
    void rejectsAFileWithoutSamples() {
        assertThat(problems("# TYPE up gauge\n# EOF\n")).containsExactly("data.om: error: the file has no "
                + "samples; expected sample lines such as http_requests_total{code=\"200\"} 1027 1793606400");
    }

    @Test
    void reportsTheFirstTwentyProblemsAndCountsTheRest() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            text.append("up ").append(i).append('\n');
        }
        List<String> problems = problems(text.append("# EOF\n").toString());
        assertThat(problems).hasSize(21);
        assertThat(problems.getLast()).isEqualTo("data.om:21:6: error: 5 more problems from here on not shown "
                + "(hint: fix the first 20 and read the file again)");
    }

    @Test
    void readsTheCheckoutExampleThroughTheLoader() {
        RecordedData data = RecordedData.load(EXAMPLE);
        assertThat(data.format()).isEqualTo(RecordedData.Format.OPENMETRICS);
        assertThat(data.series()).extracting(series -> series.labels().get("status"), RecordedSeries::size)
                .containsExactly(tuple("200", 361),
                        tuple("500", 361));
        assertThat(data.series().getFirst().name()).isEqualTo("http_requests_total");
        assertThat(data.first()).map(Object::toString).contains("2026-11-02T08:00:00Z");
        assertThat(data.last()).map(Object::toString).contains("2026-11-02T14:00:00Z");
    }

    @Test
    void loaderRecognisesOpenMetricsByContentWhateverTheExtension(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("history.data"), "# a comment\nup{a=\"1\"} 1 100\n# EOF\n");
        assertThat(RecordedData.load(file).format()).isEqualTo(RecordedData.Format.OPENMETRICS);
    }

    @Test
    void loaderFallsBackOnTheExtensionWhenTheContentDoesNotTell() {
        assertThat(RecordedDataLoader.detect(Path.of("x.prom"), "")).contains(RecordedData.Format.OPENMETRICS);
        assertThat(RecordedDataLoader.detect(Path.of("x.CSV"), "1,2,3")).contains(RecordedData.Format.CSV);
        assertThat(RecordedDataLoader.detect(Path.of("x.bin"), "1 2 3")).isEmpty();
    }

    @Test
    void loaderCannotTellTheFormatOfOtherFiles(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("history.bin"), "1 2 3\n");
        assertThatThrownBy(() -> RecordedData.load(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": error: cannot tell whether this is OpenMetrics or CSV; expected OpenMetrics text "
                        + "(# TYPE lines, samples name{labels} value timestamp, # EOF) or a CSV whose header has a "
                        + "timestamp column (hint: name the file .om or .csv)");
    }

    @Test
    void loaderReportsAnEmptyFileAsAWholeFileProblem(@TempDir Path directory) throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.om"), "");
        assertThatThrownBy(() -> RecordedData.load(empty)).isInstanceOf(InputException.class)
                .hasMessage(empty + ": error: the file is empty; expected an OpenMetrics (.om) or CSV (.csv) file of "
                        + "recorded counters");
    }

    @Test
    void loaderReportsAMissingFileAsAWholeFileProblem(@TempDir Path directory) {
        Path missing = directory.resolve("missing.om");
        assertThatThrownBy(() -> RecordedData.load(missing)).isInstanceOf(InputException.class)
                .hasMessage(missing + ": error: no such file; expected an OpenMetrics (.om) or CSV (.csv) file of "
                        + "recorded counters");
    }

    @Test
    void loaderReportsADirectoryAsAWholeFileProblem(@TempDir Path directory) {
        assertThatThrownBy(() -> RecordedData.load(directory)).isInstanceOf(InputException.class)
                .hasMessage(directory + ": error: is a directory; expected an OpenMetrics (.om) or CSV (.csv) file "
                        + "of recorded counters");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void readsBackWhatItWritesForRandomSeries(long seed) {
        Random random = new Random(seed);
        List<RecordedSeries> expected = RandomSeries.generate(random);
        assertThat(read(RandomSeries.openMetrics(expected, random))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void acceptsWhatPromtoolAcceptsAndRejectsWhatItRejects(@TempDir Path directory) throws Exception {
        Optional<Path> promtool = onPath("promtool");
        assumeTrue(promtool.isPresent(), "promtool not installed: OpenMetrics conformance test skipped; "
                + "run ./run-tests as root or apt-get install prometheus");
        String good = RandomSeries.openMetrics(RandomSeries.generate(new Random(7),
                1_793_606_400_000L), new Random(7));
        assertThat(read(good)).isNotEmpty();
        PromtoolRun accepted = runPromtool(promtool.get(), directory, "good", good);
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();

        String bad = "# TYPE up gauge\nup 1 1793606400\nup 2\n# EOF\n";
        assertThat(problems(bad)).singleElement().asString().startsWith("data.om:3:5: error: recorded data needs "
                + "a timestamp on every sample");
        PromtoolRun rejected = runPromtool(promtool.get(), directory, "bad", bad);
        assertThat(rejected.exitCode()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("expected timestamp for series got none");
    }

    /** What one promtool run returned: its exit code and its output (stdout and stderr). */
    private record PromtoolRun(int exitCode, String output) {
    }

    private static PromtoolRun runPromtool(Path promtool, Path directory, String name, String text) throws Exception {
        Path input = Files.writeString(directory.resolve(name + ".om"), text);
        Path output = directory.resolve(name + ".out");
        Process process = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
                input.toString(), directory.resolve(name + "-blocks").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("promtool did not finish within 60 s: " + Files.readString(output));
        }
        return new PromtoolRun(process.exitValue(), Files.readString(output));
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, command)).filter(Files::isExecutable).findFirst();
    }

    /** Seeded random series, and OpenMetrics text for them with the samples of all series interleaved. */
    static final class RandomSeries {

        private static final String[] VALUE_CHARS = {"a", "Z", "0", " ", ",", "}", "{", "=", "\"", "\\", "\n", "é",
                "→", "#", "😀"};

        private RandomSeries() {
        }

        /** Random series starting anywhere from 1970 to 2100. */
        static List<RecordedSeries> generate(Random random) {
            return generate(random, random.nextLong(0, 4_102_444_800_000L));
        }

        /** Random series within days after {@code start} (epoch ms). */
        static List<RecordedSeries> generate(Random random, long start) {
            Map<SortedMap<String, String>, RecordedSeries> series = new LinkedHashMap<>();
            int count = 1 + random.nextInt(6);
            while (series.size() < count) {
                SortedMap<String, String> labels = new TreeMap<>();
                labels.put("__name__", random.nextBoolean() ? "http_requests_total" : "latency:rate5m");
                for (int i = random.nextInt(4); i > 0; i--) {
                    labels.put("l" + random.nextInt(5), value(random));
                }
                int size = 1 + random.nextInt(40);
                long[] times = new long[size];
                double[] values = new double[size];
                long time = start + random.nextInt(3_600_000);
                for (int i = 0; i < size; i++) {
                    time += 1 + (random.nextBoolean() ? random.nextInt(1000) : 1000L * random.nextInt(600));
                    times[i] = time;
                    values[i] = sampleValue(random);
                }
                series.put(labels, new RecordedSeries(labels, times, values));
            }
            return List.copyOf(series.values());
        }

        private static String value(Random random) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                value.append(VALUE_CHARS[random.nextInt(VALUE_CHARS.length)]);
            }
            return value.toString();
        }

        private static double sampleValue(Random random) {
            return switch (random.nextInt(8)) {
                case 0 -> Double.NaN;
                case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                case 3 -> -random.nextInt(1000);
                default -> random.nextInt(1_000_000_000);
            };
        }

        /** OpenMetrics text of {@code series}, samples interleaved at random, labels in random order per line. */
        static String openMetrics(List<RecordedSeries> series, Random random) {
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                order.addAll(Collections.nCopies(series.get(s).size(), s));
            }
            Collections.shuffle(order, random);
            int[] next = new int[series.size()];
            StringBuilder text = new StringBuilder("# HELP http_requests Random requests.\n# TYPE http_requests "
                    + "counter\n");
            for (int s : order) {
                RecordedSeries one = series.get(s);
                int i = next[s]++;
                List<Map.Entry<String, String>> labels = new ArrayList<>(one.labels().entrySet());
                labels.removeIf(label -> label.getKey().equals("__name__"));
                Collections.shuffle(labels, random);
                text.append(one.name());
                if (!labels.isEmpty() || random.nextInt(4) == 0) {
                    text.append('{');
                    for (Map.Entry<String, String> label : labels) {
                        text.append(label.getKey()).append("=\"").append(label.getValue().replace("\\", "\\\\")
                                .replace("\"", "\\\"").replace("\n", "\\n")).append("\",");
                    }
                    text.setLength(text.length() - (labels.isEmpty() ? 0 : 1));
                    text.append('}');
                }
                double value = one.values()[i];
                text.append(' ').append(Double.isNaN(value) ? "NaN" : Double.isInfinite(value)
                        ? (value > 0 ? "+Inf" : "-Inf") : Double.toString(value));
                long millis = one.timestamps()[i];
                text.append(' ').append(millis / 1000).append('.').append(String.format("%03d", millis % 1000));
                if (one.name().endsWith("_total") && random.nextInt(10) == 0) {
                    text.append(" # {trace_id=\"x\"} 1");
                }
                text.append('\n');
            }
            return text.append("# EOF\n").toString();
        }
    }
}
