package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SloCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service", "reliability");
    private static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(SloCommandTest.class.getResource("/malformed-slo/corpus.tsv").toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An SLO whose alert name is the Sloth example's: a clash when both are read. */
    static final Path CLASH = resource("/slo-clash/throttling.yaml");

    static Path resource(String name) {
        try {
            return Path.of(SloCommandTest.class.getResource(name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Stream<String[]> malformedSpecs() throws IOException {
        return Files.readAllLines(CORPUS.resolve("corpus.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void everyMalformedSpecGetsItsExactLocatedMessage(String file, String message) {
        Path path = CORPUS.resolve(file);
        CliRun run = CliRun.of("slo", "validate", "--strict", path.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err().lines().findFirst()).contains(path + message);
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void theCorpusCoversAtLeastTwentyFiveSpecs() throws IOException {
        assertThat(malformedSpecs().count()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void validatesTheExampleSpecsOfEveryFormat() {
        CliRun run = CliRun.of("slo", "validate", EXAMPLE.resolve("slos.yaml").toString(),
                EXAMPLE.resolve("sloth/checkout-availability.yaml").toString(),
                EXAMPLE.resolve("openslo/checkout-availability.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("slos.yaml: ok (3 SLOs, native)", "checkout-availability.yaml: ok (1 SLO, sloth)",
                "checkout-availability.yaml: ok (1 SLO, openslo)");
    }

    /** An OpenSLO SLO in the SDK's list layout, its SLI in the file, its policies and data source in the other. */
    private static final Path OPENSLO_SLOS = resource("/openslo-list/slos.yaml");
    private static final Path OPENSLO_ALERTING = resource("/openslo-list/alerting.yaml");

    @Test
    void validatesOpenSloListFilesWhoseReferencesCrossFiles() {
        CliRun run = CliRun.of("slo", "validate", OPENSLO_SLOS.toString(), OPENSLO_ALERTING.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("slos.yaml: ok (1 SLO, openslo)", "alerting.yaml: ok (0 SLOs, openslo)");
        assertThat(run.err()).contains(OPENSLO_ALERTING + ":2:3: note: the file holds no SLO, only OpenSLO 1 "
                + "DataSource, 1 AlertPolicy, 1 AlertCondition, 2 AlertNotificationTarget objects");
    }

    @Test
    void reliaValidateTakesAnOpenSloListForAnSloSpec() {
        CliRun run = CliRun.of("validate", OPENSLO_ALERTING.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("alerting.yaml: ok (OpenSLO DataSource, AlertPolicy, AlertCondition, "
                + "AlertNotificationTarget (openslo/v1): read)");
        assertThat(run.err()).contains(":2:3: note: the file holds no SLO").doesNotContain("not a Relia input");
    }

    @Test
    void anOpenSloReferenceToAFileNotGivenIsALocatedError() {
        CliRun run = CliRun.of("slo", "validate", OPENSLO_SLOS.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(OPENSLO_SLOS + ":22:25: error: no AlertPolicy named \"fast-burn\" in the "
                + "files read", OPENSLO_SLOS + ":41:28: error: no DataSource named \"prometheus\"")
                .doesNotContain(":46:28:");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void generatesRulesWithTheOpenSloAlertPoliciesAsBurnRateAlerts(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("slo", "generate", OPENSLO_SLOS.toString(), OPENSLO_ALERTING.toString(), "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("no rules for " + OPENSLO_ALERTING + ": it holds no SLO");
        assertThat(out.resolve("alerting.rules.yaml")).doesNotExist();
        String rules = Files.readString(out.resolve("slos.rules.yaml"));
        String golden = Files.readString(resource("/openslo-list/slos.rules.golden.yaml"));
        assertThat(rules.substring(rules.indexOf("groups:"))).isEqualTo(golden.substring(golden.indexOf("groups:"))
                .replace("relia-VERSION", "relia-" + ReliaCommand.version()));
    }

    @Test
    void validateShowsHowEachSliWasReadAsNotesAndTheSameSloInSeveralFormatsAsAWarning() {
        CliRun run = CliRun.of("slo", "validate", "--strict", EXAMPLE.resolve("slos.yaml").toString(),
                EXAMPLE.resolve("openslo/checkout-availability.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(EXAMPLE.resolve("slos.yaml") + ":9:15: note: the query's ranges become each "
                + "alert window").contains(EXAMPLE.resolve("slos.yaml") + ":20:13: note: latency SLO read as")
                .contains(EXAMPLE.resolve("openslo/checkout-availability.yaml") + ":2:1: error: SLO "
                        + "\"checkout-checkout-availability\" (openslo/v1) is the same SLO as \"checkout-availability\"");
        assertThat(CliRun.of("slo", "validate", EXAMPLE.resolve("slos.yaml").toString(),
                EXAMPLE.resolve("openslo/checkout-availability.yaml").toString()).exitCode()).isZero();
    }

    @Test
    void twoDifferentSlosWithOneAlertNameAreAWarningInValidateAndGenerate(@TempDir Path dir) throws IOException {
        Path other = Files.copy(CLASH, dir.resolve("throttling.yaml"));
        String sloth = EXAMPLE.resolve("sloth/checkout-availability.yaml").toString();
        String expected = other + ":6:5: warning: alert \"CheckoutAvailabilityBudgetBurn\" of SLO "
                + "\"checkout-requests-throttling\" is also the alert of SLO \"checkout-requests-availability\" at "
                + sloth + ":10:5, a different SLO: Prometheus would get two alert rules with one name";
        CliRun validate = CliRun.of("slo", "validate", sloth, other.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.err()).contains(expected);
        CliRun generate = CliRun.of("slo", "generate", sloth, other.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).contains(expected);
    }

    @Test
    void statusAndGatePrintEachRealWarningOnceAndTheNotesOnlyWithVerbose() {
        String om = EXAMPLE.resolve("history/checkout-requests.om").toString();
        for (String command : new String[] {"status", "gate"}) {
            CliRun quiet = CliRun.of("slo", command, EXAMPLE.resolve("slos.yaml").toString(), "--data", om);
            assertThat(quiet.err()).doesNotContain("note:").containsOnlyOnce("warning: objective 50% leaves a 50% "
                    + "error budget");
            CliRun verbose = CliRun.of("slo", command, EXAMPLE.resolve("slos.yaml").toString(), "--data", om,
                    "--verbose");
            assertThat(verbose.err()).containsOnlyOnce(":9:15: note: the query's ranges become each alert window")
                    .containsOnlyOnce(":28:13: note: latency SLO read as");
        }
    }

    @Test
    void generatesOneRuleFilePerSpec(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("slo", "generate", EXAMPLE.resolve("sloth/checkout-availability.yaml").toString(),
                EXAMPLE.resolve("payments-slos.yaml").toString(), "--out", out.toString(), "--extra-labels",
                "team=checkout,env=prod");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String rules = Files.readString(out.resolve("checkout-availability.rules.yaml"));
        assertThat(rules).startsWith("# Code generated by Relia").contains("sloth-slo-sli-recordings-checkout-"
                + "requests-availability", "record: slo:sli_error:ratio_rate30d", "team: checkout",
                "alert: CheckoutAvailabilityBudgetBurn");
        assertThat(Files.readString(out.resolve("payments-slos.rules.yaml")))
                .contains("alert: PaymentsPaymentAvailabilitySloBurnRate", "severity: critical");
    }

    @Test
    void generatesAPrometheusRuleResource() {
        CliRun run = CliRun.of("slo", "generate", EXAMPLE.resolve("sloth/checkout-availability.yaml").toString(),
                "--target", "prometheus-operator", "--default-period", "28d");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("apiVersion: monitoring.coreos.com/v1", "kind: PrometheusRule",
                "name: checkout-availability-slo-rules", "ratio_rate4w");
    }

    @Test
    void refusesToWriteAnythingForAnInvalidSpec(@TempDir Path out) {
        CliRun run = CliRun.of("slo", "generate", EXAMPLE.resolve("slos.yaml").toString(),
                CORPUS.resolve("03-target-100.yaml").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void explainsTheBudgetAndTheAlertMaths() {
        CliRun run = CliRun.of("slo", "explain", EXAMPLE.resolve("sloth/checkout-availability.yaml").toString(),
                "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode slo = JsonMapper.shared().readTree(run.out()).get("slos").get(0);
        assertThat(slo.get("errorBudgetMinutes").asDouble()).isEqualTo(43.2);
        assertThat(slo.get("oneFailureIn").asLong()).isEqualTo(1000);
        JsonNode page = slo.get("alerts").get(0);
        assertThat(page.get("burnRate").asDouble()).isEqualTo(14.4);
        assertThat(page.get("budgetSpentWhenFiring").asDouble()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(page.get("timeToExhaustion").asString()).isEqualTo("2d2h");
        // a full outage: the 1h error ratio passes 14.4 × 0.001 after 0.0144 h = 51.84 s
        assertThat(page.get("fullOutageDetection").asString()).isEqualTo("52s");
        assertThat(slo.get("alerts").get(3).get("fullOutageDetection").asString()).isEqualTo("4m19s");
    }

    @Test
    void rejectsBadFlags() {
        assertThat(CliRun.of("slo", "generate", "x.yaml", "--target", "thanos").err())
                .contains("--target thanos is not a target; expected prometheus|prometheus-operator");
        assertThat(CliRun.of("slo", "generate", "x.yaml", "--extra-labels", "bad label=x").exitCode())
                .isEqualTo(ExitCode.INPUT);
        assertThat(CliRun.of("slo", "generate", "x.yaml", "--default-period", "soon").exitCode())
                .isEqualTo(ExitCode.INPUT);
    }

    @Test
    void refusesTheSameSloInTwoFilesAndClashingOutputNames(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("slos.yaml");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("slos.yaml");
        Files.copy(EXAMPLE.resolve("slos.yaml"), a);
        Files.copy(EXAMPLE.resolve("slos.yaml"), b);
        CliRun twice = CliRun.of("slo", "generate", a.toString(), b.toString(), "--out", dir.resolve("out").toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(twice.err()).contains("SLO \"checkout-availability\" is also defined at " + a);
        Files.writeString(b, Files.readString(b).replace("service: checkout", "service: other"));
        CliRun clash = CliRun.of("slo", "generate", a.toString(), b.toString(), "--out", dir.resolve("out").toString());
        assertThat(clash.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(clash.err()).contains("would both be written to");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aWriteErrorOnStandardOutputIsAnExternalFailure() {
        java.io.PrintStream broken = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"slo", "generate", EXAMPLE.resolve("sloth/checkout-availability.yaml").toString()},
                broken, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ExitCode.EXTERNAL);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("cannot write to standard output");
    }
}
