package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SloDashboardCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service", "reliability");

    private static Path malformed(String name) {
        try {
            return Path.of(SloDashboardCommandTest.class.getResource("/malformed-slo/" + name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String[] dashboard(Path out, String... more) {
        return Stream.concat(Stream.of("slo", "dashboard", EXAMPLE.resolve("slos.yaml").toString(),
                EXAMPLE.resolve("payments-slos.yaml").toString(),
                EXAMPLE.resolve("sloth/checkout-availability.yaml").toString(), "--out", out.toString()),
                Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void writesTheOverviewAndOneDashboardPerServiceOfTheExample(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("dashboards");
        CliRun run = CliRun.of(dashboard(out));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err().lines().filter(line -> line.startsWith("wrote "))).containsExactly(
                "wrote " + out.resolve("slo-overview.json"), "wrote " + out.resolve("slo-checkout.json"),
                "wrote " + out.resolve("slo-payments.json"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("slo-overview.json", "slo-checkout.json", "slo-payments.json");
        }
        JsonNode checkout = JsonMapper.shared().readTree(Files.readString(out.resolve("slo-checkout.json")));
        assertThat(checkout.get("uid").asString()).isEqualTo("relia-slo-checkout");
        assertThat(checkout.get("schemaVersion").asInt()).isEqualTo(41);
        assertThat(checkout.get("templating").get("list").get(0).get("name").asString()).isEqualTo("datasource");
        assertThat(Files.readString(out.resolve("slo-overview.json"))).contains("ALERTS{alertstate=\\\"firing\\\"")
                .endsWith("}\n");
    }

    @Test
    void runningTwiceWritesTheSameBytes(@TempDir Path dir) throws IOException {
        assertThat(CliRun.of(dashboard(dir.resolve("a"))).exitCode()).isZero();
        assertThat(CliRun.of(dashboard(dir.resolve("b"))).exitCode()).isZero();
        for (String file : new String[] {"slo-overview.json", "slo-checkout.json", "slo-payments.json"}) {
            assertThat(Files.readString(dir.resolve("b").resolve(file)))
                    .isEqualTo(Files.readString(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void aFixedDatasourceUidReplacesTheVariable(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of(dashboard(out, "--datasource", "prom-main"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String payments = Files.readString(out.resolve("slo-payments.json"));
        assertThat(payments).contains("\"uid\": \"prom-main\"").doesNotContain("${datasource}");
    }

    @Test
    void missingOutIsAUsageError() {
        CliRun run = CliRun.of("slo", "dashboard", EXAMPLE.resolve("slos.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("relia slo dashboard: error: missing required option: '--out=DIR'");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void anInvalidSpecWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("dashboards");
        CliRun run = CliRun.of("slo", "dashboard", EXAMPLE.resolve("slos.yaml").toString(),
                malformed("03-target-100.yaml").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("03-target-100.yaml:").doesNotContain("wrote ");
        assertThat(out).doesNotExist();
    }

    @Test
    void rejectsABadDatasourceUidAndAnOutThatIsAFile(@TempDir Path dir) throws IOException {
        CliRun badUid = CliRun.of(dashboard(dir.resolve("out"), "--datasource", "not a uid"));
        assertThat(badUid.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(badUid.err()).contains("--datasource not a uid is not a Grafana UID");
        Path file = Files.writeString(dir.resolve("file"), "");
        CliRun notDirectory = CliRun.of(dashboard(file));
        assertThat(notDirectory.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(notDirectory.err()).contains("is not a directory");
        assertThat(CliRun.of(dashboard(dir.resolve("out"), "--period", "soon")).exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun run = CliRun.of("slo", "dashboard", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--out=DIR", "--datasource=UID", "--default-period", "schemaVersion 41",
                "Exit codes:", "0  dashboards written", "2  usage error");
    }
}
