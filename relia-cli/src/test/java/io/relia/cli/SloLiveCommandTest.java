package io.relia.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code slo status}, {@code gate} and {@code backtest} on the example service's recorded history. */
class SloLiveCommandTest {

    private static final String EXAMPLE = "../examples/checkout-service/reliability/";
    private static final String SLOS = EXAMPLE + "slos.yaml";
    private static final String OM = EXAMPLE + "history/checkout-requests.om";
    private static final String CSV = EXAMPLE + "history/checkout-requests.csv";

    @TempDir
    Path directory;

    @Test
    void statusReadsTheRecordingAndShowsEverySlo() {
        CliRun run = CliRun.of("slo", "status", SLOS, "--data", OM);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("SLO status at 2026-11-02 14:00 UTC")
                .contains("checkout-availability  99.9%      99.5065%")
                .contains("checkout-latency_p50   50%        no data")
                .contains("data covers 6h of the 30d window (0.8%)")
                .contains("4.1% of the error budget spent, 95.9% left")
                .contains("the whole window would spend 493.5% of its budget");
    }

    @Test
    void statusAsJsonCarriesTheBudgetAndBurnRates() {
        CliRun run = CliRun.of("slo", "status", SLOS, "--data", OM, "--slo", "checkout-availability",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"kind\" : \"slo-status\"").contains("\"state\" : \"healthy\"")
                .contains("\"window\" : \"1h\"").contains("\"covered\" : \"6h\"");
    }

    @Test
    void statusAsHtmlDrawsTheBurnDown() throws IOException {
        Path html = directory.resolve("status.html");
        CliRun run = CliRun.of("slo", "status", SLOS, "--data", OM, "--slo", "checkout-availability",
                "--format", "html", "--output", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(html)).contains("<svg").contains("Error budget left, checkout-availability");
    }

    @Test
    void aCsvWithoutAnSloColumnNeedsOneSlo() {
        CliRun ambiguous = CliRun.of("slo", "status", SLOS, "--data", CSV);
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("has no slo column, so it measures one SLO; pick it with --slo ID");
        CliRun chosen = CliRun.of("slo", "status", SLOS, "--data", CSV, "--slo", "checkout-availability");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("checkout-availability");
    }

    @Test
    void theGateFreezesWhenTheBudgetIsGoneAndPassesAReliabilityFix() throws IOException {
        Path exhausted = exhausted();
        CliRun frozen = CliRun.of("slo", "gate", SLOS, "--data", exhausted.toString(), "--slo",
                "checkout-availability");
        assertThat(frozen.exitCode()).isEqualTo(1);
        // Half of 6 hours' checkouts failed: 500 times the budget's rate over 1/120 of the window.
        assertThat(frozen.out()).startsWith("FREEZE deploy frozen: checkout-availability has spent 416.7% of its "
                + "error budget (exhausted); data covers 6h of the 30d window (0.8%) (default policy)");
        CliRun fix = CliRun.of("slo", "gate", SLOS, "--data", exhausted.toString(), "--slo", "checkout-availability",
                "--reliability-fix");
        assertThat(fix.exitCode()).isZero();
        assertThat(fix.out()).startsWith("WARN deploy allowed as a reliability fix despite a freeze");
    }

    @Test
    void theGatePassesTheExampleAsTheReadmeShowsWithoutAt() {
        CliRun run = CliRun.of("slo", "gate", SLOS, "--data", OM, "--slo", "checkout-availability");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).isEqualTo("PASS deploy allowed: 1 SLO(s) within the error-budget policy; lowest budget "
                + "left: checkout-availability 95.9%, healthy, data covers 6h of the 30d window (0.8%) (default "
                + "policy)\n");
    }

    @Test
    void aPolicyCanFreezeOnlyWhenExhaustedOrMoveTheThresholds() throws IOException {
        Path lenient = Files.writeString(directory.resolve("policy.yaml"), """
                kind: ErrorBudgetPolicy
                states:
                  warning_at: 40%
                  critical_below: 10%
                freeze:
                  when: [exhausted]
                reliability_fixes: block
                """);
        CliRun early = CliRun.of("slo", "gate", SLOS, "--data", OM, "--slo", "checkout-availability",
                "--policy", lenient.toString(), "--at", "2026-11-02T10:00:00Z");
        assertThat(early.exitCode()).as(early.out() + early.err()).isZero();
        assertThat(early.out()).startsWith("PASS deploy allowed: 1 SLO(s) within the error-budget policy");
        CliRun blocked = CliRun.of("slo", "gate", SLOS, "--data", exhausted().toString(), "--slo",
                "checkout-availability", "--policy", lenient.toString(), "--reliability-fix");
        assertThat(blocked.exitCode()).isEqualTo(1);
        Path strict = Files.writeString(directory.resolve("strict.yaml"), """
                states:
                  warning_at: 99%
                  critical_below: 97%
                """);
        CliRun critical = CliRun.of("slo", "gate", SLOS, "--data", OM, "--slo", "checkout-availability",
                "--policy", strict.toString());
        assertThat(critical.exitCode()).isEqualTo(1);
        assertThat(critical.out()).contains("has 95.9% of its error budget left (critical: below 97%)");
    }

    /** Six hours of checkouts ending when the example's do, half of them failing. */
    private Path exhausted() throws IOException {
        Instant end = Instant.parse("2026-11-02T14:00:00Z");
        return Files.writeString(directory.resolve("exhausted.om"), CheckoutRecording.of(
                end.minus(Duration.ofHours(6)), end, t -> CheckoutRecording.REQUESTS_PER_STEP / 2));
    }

    @Test
    void aBadPolicyIsALocatedInputError() throws IOException {
        Path bad = Files.writeString(directory.resolve("policy.yaml"), """
                states:
                  warning_at: 20%
                  critical_below: 30%
                freeze:
                  when: [frozen]
                """);
        CliRun run = CliRun.of("slo", "gate", SLOS, "--data", OM, "--policy", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("policy.yaml:5:").doesNotContain("Exception");
    }

    @Test
    void backtestComparesTheAlertingApproaches() {
        CliRun run = CliRun.of("slo", "backtest", SLOS, "--data", OM, "--slo", "checkout-availability");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("361 evaluations every 1m")
                .contains("1 incident(s) where the 5m burn rate exceeded the page factor")
                .containsPattern("mwmbr page +1h&5m > 14.4× or").contains("6h&30m > 6×")
                .contains("naive page").contains("spec page").contains("single-window page");
    }

    @Test
    void backtestTakesKnownIncidents() throws IOException {
        Path incidents = Files.writeString(directory.resolve("incidents.yaml"), """
                incidents:
                  - name: INC-7
                    start: 2026-11-02T10:48:00Z
                    end: 2026-11-02T11:10:00Z
                """);
        CliRun run = CliRun.of("slo", "backtest", SLOS, "--data", OM, "--slo", "checkout-availability",
                "--incidents", incidents.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"incident\" : \"INC-7\"").contains("\"incidentsGiven\" : true");
    }

    @Test
    void anUnreachablePrometheusIsAnExternalFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.of("slo", "status", SLOS, "--prometheus", "http://127.0.0.1:" + port, "--retries", "0");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("127.0.0.1:" + port).doesNotContain("Exception");
    }

    @Test
    void sourcesAreExclusiveAndRequired() {
        assertThat(CliRun.of("slo", "status", SLOS).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("slo", "status", SLOS, "--data", OM, "--prometheus", "http://127.0.0.1:9").exitCode())
                .isEqualTo(2);
        CliRun badTime = CliRun.of("slo", "status", SLOS, "--data", OM, "--at", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("--at yesterday is not a time; expected now, now-2h");
    }

    @Test
    void aBrokenRecordingIsALocatedInputError() throws IOException {
        Path broken = Files.writeString(directory.resolve("broken.om"), """
                # TYPE http_requests counter
                http_requests_total{service="checkout"} 12 1793606400
                http_requests_total{service="checkout"} eleven 1793606460
                # EOF
                """);
        CliRun run = CliRun.of("slo", "status", SLOS, "--data", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.om:3:").doesNotContain("Exception");
    }
}
