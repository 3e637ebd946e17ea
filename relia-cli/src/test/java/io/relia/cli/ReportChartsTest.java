package io.relia.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts of {@code slo status} and {@code slo backtest} on the example's recording: lines, labels, units. */
class ReportChartsTest {

    private static final String EXAMPLE = "../examples/checkout-service/reliability/";
    private static final String SLOS = EXAMPLE + "slos.yaml";
    private static final String OM = EXAMPLE + "history/checkout-requests.om";

    @TempDir
    Path directory;

    private String html(String... command) throws IOException {
        Path file = directory.resolve("report.html");
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                java.util.stream.Stream.of("--format", "html", "--output", file.toString())).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readString(file);
    }

    @Test
    void theBacktestBurnRateChartShowsTheAlertFactors() throws IOException {
        String html = html("slo", "backtest", SLOS, "--data", OM, "--slo", "checkout-availability");

        assertThat(html).contains("page 1h&amp;5m: 14.4×", "page 6h&amp;30m: 6×", "ticket 1d&amp;2h: 3×",
                "ticket 3d&amp;6h: 1×");
    }

    @Test
    void theBacktestSliChartShowsTheTargetAndTimesInUtc() throws IOException {
        String html = html("slo", "backtest", SLOS, "--data", OM, "--slo", "checkout-availability");

        assertThat(html).contains("SLO target: 99.9%", ">09:00<", "time (UTC), 2026-11-02");
    }

    @Test
    void theBacktestLabelsEachAlertRowInsteadOfRelyingOnColour() throws IOException {
        String html = html("slo", "backtest", SLOS, "--data", OM, "--slo", "checkout-availability");

        assertThat(html).contains(">mwmbr page<", ">single-window ticket<", ">naive page<");
    }

    @Test
    void theBurnDownShowsThePolicyLevels() throws IOException {
        String html = html("slo", "status", SLOS, "--data", OM, "--slo", "checkout-availability");

        assertThat(html).contains("warning below: 50%", "critical below: 25%", "exhausted: 0%");
    }

    @Test
    void textWrapsAtColumnsWhenSetAndNotAtAllInAFileOrPipe() {
        assertThat(Terminal.width("72", false)).isEqualTo(72);
        assertThat(Terminal.width(null, false)).isEqualTo(Terminal.UNWRAPPED);
        assertThat(Terminal.width("wide", false)).isEqualTo(Terminal.UNWRAPPED);
    }
}
