package io.relia.slo.openslo;

import io.relia.core.Problem;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example file of the OpenSLO Go SDK (read in place from ../shared/fixtures/openslo-go-sdk, a YAML list of
 * objects each) either reads or fails with the one located reason expected for it; none gets a generic message.
 */
class OpenSloSdkFilesTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "openslo-go-sdk", "pkg", "openslo");
    private static final Path SLOTH = Path.of("..", "..", "shared", "fixtures", "sloth", "test", "integration",
            "prometheus", "testdata", "validate");

    private static final String V2ALPHA = "OpenSLO openslo.com/v2alpha is not supported (%d object%s in this file)";

    /** The errors of each file read alone, as {@code line:column message}; an empty list reads. */
    private static final Map<String, List<String>> ALONE = Map.ofEntries(
            Map.entry("v1/examples/alert_conditions.yaml", List.of("17:11 op \"lte\" is not supported")),
            Map.entry("v1/examples/alert_notification_targets.yaml", List.of()),
            Map.entry("v1/examples/alert_policies.yaml", List.of(
                    "16:23 no AlertCondition named \"cpu-usage-breach\" in the files read",
                    "18:20 no AlertNotificationTarget named \"on-call-mail-notification\" in the files read",
                    "50:20 no AlertNotificationTarget named \"on-call-pd-notification\" in the files read",
                    "66:23 no AlertCondition named \"cpu-usage-breach\" in the files read")),
            Map.entry("v1/examples/data_sources.yaml", List.of()),
            Map.entry("v1/examples/services.yaml", List.of()),
            Map.entry("v1/examples/slis.yaml", List.of(
                    "19:17 Datadog metric sources are not supported",
                    "45:17 AppDynamics metric sources are not supported",
                    "73:28 no DataSource named \"prometheus\" in the files read",
                    "97:5 threshold metrics are not supported")),
            Map.entry("v1/examples/slos.yaml", List.of(
                    "34:9 calendar-aligned windows are not supported",
                    "37:22 Timeslices budgeting is not supported",
                    "40:9 threshold objectives (op and value) are not supported")),
            Map.entry("v1alpha/examples/services.yaml", List.of()),
            Map.entry("v1alpha/examples/slos.yaml", List.of(
                    "10:7 threshold SLOs (indicator.thresholdMetric) are not supported",
                    "18:9 calendar-aligned windows are not supported",
                    "39:9 calendar-aligned windows are not supported",
                    "42:22 Timeslices budgeting is not supported",
                    "51:21 datadog metric sources are not supported")),
            Map.entry("v2alpha/examples/alert_conditions.yaml", List.of("1:15 " + V2ALPHA.formatted(2, "s"))),
            Map.entry("v2alpha/examples/alert_notification_targets.yaml", List.of("1:15 "
                    + V2ALPHA.formatted(2, "s"))),
            Map.entry("v2alpha/examples/alert_policies.yaml", List.of("1:15 " + V2ALPHA.formatted(3, "s"))),
            Map.entry("v2alpha/examples/data_sources.yaml", List.of("1:15 " + V2ALPHA.formatted(2, "s"))),
            Map.entry("v2alpha/examples/services.yaml", List.of("1:15 " + V2ALPHA.formatted(2, "s"))),
            Map.entry("v2alpha/examples/slis.yaml", List.of("1:15 " + V2ALPHA.formatted(5, "s"))),
            Map.entry("v2alpha/examples/slos.yaml", List.of("1:15 " + V2ALPHA.formatted(1, ""))));

    static Stream<String> files() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/openslo-go-sdk is absent: SDK file tests skipped");
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            return walk.filter(path -> path.toString().endsWith(".yaml"))
                    .map(path -> FIXTURES.relativize(path).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    private static List<String> errors(SloFile file) {
        return file.problems().stream().filter(Problem::isError).map(problem -> problem.location().line() + ":"
                + problem.location().column() + " " + problem.message()).toList();
    }

    @Test
    void everySdkFileHasAnExpectation() throws IOException {
        assertThat(files().toList()).containsExactlyInAnyOrderElementsOf(ALONE.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachSdkFileReadAloneReadsOrFailsWithItsLocatedReasons(String name) {
        SloFile file = SloSpecs.load(FIXTURES.resolve(name));

        assertThat(errors(file)).as(name).containsExactlyElementsOf(ALONE.get(name));
        assertThat(file.problems()).noneMatch(problem -> problem.message().contains("the document is")
                || problem.message().contains("defines no SLO") || problem.message().contains("not an SLO spec"));
        assertThat(file.formats()).containsExactly("openslo");
    }

    @Test
    void aFileOfServicesOnlyIsValidAndSaysWhatItHolds() {
        SloFile file = SloSpecs.load(FIXTURES.resolve("v1/examples/services.yaml"));

        assertThat(file.slos()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.NOTE);
            assertThat(problem.location().line()).isEqualTo(1);
            assertThat(problem.message()).isEqualTo("the file holds no SLO, only OpenSLO 2 Service objects");
        });
    }

    @Test
    void referencesResolveAcrossTheFilesReadTogether() throws IOException {
        List<Path> paths = files().filter(name -> name.startsWith("v1/")).map(FIXTURES::resolve).toList();

        List<SloFile> files = SloSpecs.loadAll(paths);

        List<String> errors = files.stream().flatMap(file -> errors(file).stream()
                .map(error -> file.path().getFileName() + ":" + error)).toList();
        // The DataSource "prometheus" (data_sources.yaml) and the condition "cpu-usage-breach" (alert_conditions.yaml)
        // resolve; the condition's own error is reported once, in its file; the targets exist nowhere.
        assertThat(errors).containsExactly(
                "alert_conditions.yaml:17:11 op \"lte\" is not supported",
                "alert_policies.yaml:18:20 no AlertNotificationTarget named \"on-call-mail-notification\" in the "
                        + "files read",
                "alert_policies.yaml:50:20 no AlertNotificationTarget named \"on-call-pd-notification\" in the files "
                        + "read",
                "slis.yaml:19:17 Datadog metric sources are not supported",
                "slis.yaml:45:17 AppDynamics metric sources are not supported",
                "slis.yaml:97:5 threshold metrics are not supported",
                "slos.yaml:34:9 calendar-aligned windows are not supported",
                "slos.yaml:37:22 Timeslices budgeting is not supported",
                "slos.yaml:40:9 threshold objectives (op and value) are not supported");
    }

    @Test
    void readsSlothsOwnV1alphaExampleAsSlothNamesIt() {
        assumeTrue(Files.isDirectory(SLOTH), "../shared/fixtures/sloth is absent");
        SloFile file = SloSpecs.load(SLOTH.resolve("good/good-openslo.yaml"));

        assertThat(file.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(file.slos()).singleElement().satisfies(slo -> {
            assertThat(slo.id()).isEqualTo("svc01-slo1-0");
            assertThat(slo.objective()).isEqualTo(99.9);
            assertThat(slo.period()).isEqualTo(Optional.of(Duration.ofDays(30)));
            assertThat(slo.spec()).isEqualTo("openslo/v1alpha");
            assertThat(slo.location().line()).isEqualTo(11);
        });
    }

    @Test
    void oneSloNameInTwoFilesReadTogetherIsNoReferenceClash() {
        assumeTrue(Files.isDirectory(SLOTH), "../shared/fixtures/sloth is absent");
        List<SloFile> files = SloSpecs.loadAll(List.of(SLOTH.resolve("bad/bad-openslo.yaml"),
                SLOTH.resolve("good/good-openslo.yaml")));

        assertThat(files).allSatisfy(file -> {
            assertThat(file.problems()).filteredOn(Problem::isError).isEmpty();
            assertThat(file.slos()).hasSize(1);
        });
    }

    @Test
    void readsA28DayV1alphaWindowThatSlothRefuses() {
        assumeTrue(Files.isDirectory(SLOTH), "../shared/fixtures/sloth is absent");
        List<Slo> slos = SloSpecs.load(SLOTH.resolve("bad/bad-openslo.yaml")).slos();

        assertThat(slos).extracting(Slo::period).containsExactly(Optional.of(Duration.ofDays(28)));
    }
}
