package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pyrra ServiceLevelObjectives through validate, review and the slo commands, on Pyrra's own examples. */
class PyrraCommandsTest {

    private static final Path PYRRA = Path.of("..", "..", "shared", "fixtures", "pyrra");
    private static final Path EXAMPLES = PYRRA.resolve("examples");
    private static final Path COREDNS = EXAMPLES.resolve("kubernetes/manifests/slos/slo-coredns-response-errors.yaml");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void validateReadsPyrraResourcesAsSlosAndTheCrdStaysAManifest() {
        Path crd = PYRRA.resolve("config/crd/bases/pyrra.dev_servicelevelobjectives.yaml");
        CliRun run = CliRun.of("validate", COREDNS.toString(), crd.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(COREDNS + ": ok (Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1): read)",
                crd + ": ok (Kubernetes manifest (CustomResourceDefinition): parsed only)");
    }

    @Test
    void reviewOfADirectoryOfPyrraSlosCountsThemAsSlos() throws IOException {
        Path slos = Files.createDirectories(directory.resolve("slos"));
        for (Path example : examples()) {
            Files.copy(example, slos.resolve(example.getFileName()));
        }

        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(directory);

        ChecklistEntry defined = result.checklist().stream().filter(e -> e.item() == ChecklistItem.SLOS_DEFINED)
                .findFirst().orElseThrow();
        assertThat(defined.status()).isEqualTo(CheckStatus.WARN);
        assertThat(defined.summary()).startsWith("7 valid SLOs in 7 files; measurement not checked yet")
                .doesNotContain("no SLOs are defined").doesNotContain("alert name");
        assertThat(result.inventory().inputs()).allSatisfy(input -> assertThat(input.kind())
                .isEqualTo(InputKind.SLO_PYRRA));
    }

    @Test
    void validateGenerateAndExplainWorkOnAPyrraExample() {
        CliRun validate = CliRun.of("slo", "validate", COREDNS.toString());
        CliRun generate = CliRun.of("slo", "generate", COREDNS.toString());
        CliRun explain = CliRun.of("slo", "explain", COREDNS.toString());

        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("ok (1 SLO, pyrra)");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("record: slo:sli_error:ratio_rate2w", "alert: ErrorBudgetBurn",
                "slo: coredns-response-errors", "sloth_spec: pyrra.dev/v1alpha1", "for: \"1m\"");
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("monitoring-coredns-response-errors");
    }

    @Test
    void convertWritesNativeFromPyrraAndTheResultValidates() throws IOException {
        Path output = directory.resolve("native.yaml");

        CliRun convert = CliRun.of("slo", "convert", "--to", "native", "--output", output.toString(),
                COREDNS.toString());
        CliRun validate = CliRun.of("slo", "validate", output.toString());

        assertThat(convert.exitCode()).as(convert.err()).isZero();
        assertThat(convert.err()).contains("wrote " + output + " (1 SLO, native)",
                "the alerts change as native: windows 30m/3m×14");
        assertThat(Files.readString(output)).contains("service: monitoring\n", "  - name: coredns-response-errors\n",
                "    target: \"99.99%\"\n", "    window: \"2w\"\n");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
    }

    @Test
    void convertRefusesAnSloTheTargetCannotStateWithExitTwoAndWritesNothing() throws IOException {
        Path spec = directory.resolve("slos.yaml");
        Files.writeString(spec, """
                service: shop
                slos:
                  - name: checkout
                    target: 99.9%
                    sli:
                      metric: 'sum(rate(ok_total[5m])) / sum(rate(all_total[5m]))'
                """);
        Path output = directory.resolve("pyrra.yaml");

        CliRun run = CliRun.of("slo", "convert", "--to", "pyrra", "-o", output.toString(), spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(spec + ":3:5: error: SLO \"shop-checkout\": the SLI is none of Pyrra's "
                + "indicators");
        assertThat(run.showsStackTrace()).isFalse();
        assertThat(output).doesNotExist();
    }

    @Test
    void convertNamesTheFormatsItWritesInHelpAndUsageErrors() {
        CliRun help = CliRun.of("slo", "convert", "--help");
        CliRun unknown = CliRun.of("slo", "convert", "--to", "openslo", COREDNS.toString());

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--to=FORMAT", "native, sloth or pyrra", "--default-period");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(unknown.err()).contains("--to openslo is not a format Relia writes; expected native, sloth or "
                + "pyrra");
    }
}
