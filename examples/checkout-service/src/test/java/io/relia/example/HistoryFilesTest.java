package io.relia.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed history is exactly what {@link HistoryGenerator} writes, and is well-formed. */
class HistoryFilesTest {
    private static final Path DIR = Path.of("reliability/history");
    private final List<HistoryGenerator.Sample> samples = HistoryGenerator.samples();

    @Test
    void committedOpenMetricsFileIsTheGeneratorsOutput() throws IOException {
        assertThat(read("checkout-requests.om")).isEqualTo(HistoryGenerator.openMetrics(samples));
    }

    @Test
    void committedCsvFileIsTheGeneratorsOutput() throws IOException {
        assertThat(read("checkout-requests.csv")).isEqualTo(HistoryGenerator.csv(samples));
    }

    @Test
    void coversSixHoursAtOneMinuteResolution() {
        assertThat(samples).hasSize(361);
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).epochSecond() - samples.get(i - 1).epochSecond()).isEqualTo(60);
        }
    }

    @Test
    void countersNeverDecrease() {
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).good()).isGreaterThanOrEqualTo(samples.get(i - 1).good());
            assertThat(samples.get(i).bad()).isGreaterThanOrEqualTo(samples.get(i - 1).bad());
        }
    }

    @Test
    void errorsSpikeForTwentyMinutesInTheMiddleOnly() {
        int first = HistoryGenerator.SPIKE_FIRST_MINUTE;
        int last = first + HistoryGenerator.SPIKE_MINUTES;
        assertThat(errorRatio(first, last)).isBetween(0.05, 0.12);
        assertThat(errorRatio(0, first)).isLessThan(0.002);
        assertThat(errorRatio(last, samples.size() - 1)).isLessThan(0.002);
    }

    @Test
    void openMetricsDeclaresTheCounterFamilyAndEndsWithEof() throws IOException {
        String text = read("checkout-requests.om");

        assertThat(text).startsWith("# HELP http_requests ").contains("\n# TYPE http_requests counter\n")
                .endsWith("\n# EOF\n");
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("http_requests_total\\{[^}]*status=\"(200|500)\"} \\d+ \\d+"));
    }

    private double errorRatio(int fromMinute, int toMinute) {
        HistoryGenerator.Sample from = samples.get(fromMinute);
        HistoryGenerator.Sample to = samples.get(toMinute);
        return (double) (to.bad() - from.bad()) / (to.total() - from.total());
    }

    private static String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }
}
