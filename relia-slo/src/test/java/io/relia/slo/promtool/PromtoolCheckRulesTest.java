package io.relia.slo.promtool;

import io.relia.core.Problem;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import io.relia.slo.rules.AlertWindows;
import io.relia.slo.rules.SlothRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus itself ({@code promtool check rules}) accepts the rules Relia generates for Sloth specs: valid YAML,
 * valid PromQL, valid label and annotation templates, unique rule group names.
 */
@Tag("integration")
class PromtoolCheckRulesTest {

    private static final Path SLOTH_EXAMPLES = Path.of("..", "..", "shared", "fixtures", "sloth", "examples");
    private static final Path PYRRA_EXAMPLES = Path.of("..", "..", "shared", "fixtures", "pyrra", "examples");
    private static final Path CHECKOUT_SPEC = Path.of("..", "examples", "checkout-service", "reliability", "sloth",
            "checkout-availability.yaml");

    @TempDir
    Path directory;

    private Promtool.Result check(GeneratedRules rules) throws IOException, InterruptedException {
        Promtool promtool = Promtool.inDirectory(directory);
        return promtool.checkRules(promtool.write("rules.yaml", rules.yaml()));
    }

    private void assertAccepted(GeneratedRules rules) throws IOException, InterruptedException {
        Promtool.Result result = check(rules);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + rules.rules() + " rules found");
    }

    @TestFactory
    Stream<DynamicTest> everySlothExampleSpecPassesPromtoolCheck() throws IOException {
        assumeTrue(Files.isDirectory(SLOTH_EXAMPLES),
                "../shared/fixtures/sloth is absent: promtool checks of the Sloth examples skipped");
        List<Path> specs;
        try (Stream<Path> files = Files.list(SLOTH_EXAMPLES)) {
            specs = files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(specs).as("Sloth example specs in " + SLOTH_EXAMPLES).isNotEmpty();
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(),
                () -> assertAccepted(GeneratedRules.forSpec(spec, SlothRules.Options.defaults("test")))));
    }

    @TestFactory
    Stream<DynamicTest> everyPyrraExampleSpecPassesPromtoolCheck() throws IOException {
        assumeTrue(Files.isDirectory(PYRRA_EXAMPLES),
                "../shared/fixtures/pyrra is absent: promtool checks of the Pyrra examples skipped");
        List<Path> specs;
        try (Stream<Path> files = Files.walk(PYRRA_EXAMPLES)) {
            specs = files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(specs).as("Pyrra example specs in " + PYRRA_EXAMPLES).hasSize(7);
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            SloFile file = SloSpecs.load(spec);
            assertThat(file.problems()).filteredOn(Problem::isError).isEmpty();
            GeneratedRules rules = GeneratedRules.forSlos(file.slos(), SlothRules.Options.defaults("test"));
            assertAccepted(rules);
            // Pyrra's four pairs, each tier waiting the for of its faster pair.
            assertThat(rules.yaml()).contains("for: ");
        }));
    }

    @Test
    void allPyrraExamplesInOneRuleFileHaveNoDuplicateAlertRules() throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(PYRRA_EXAMPLES), "../shared/fixtures/pyrra is absent");
        List<io.relia.slo.Slo> slos;
        try (Stream<Path> files = Files.walk(PYRRA_EXAMPLES)) {
            slos = files.filter(file -> file.toString().endsWith(".yaml")).sorted()
                    .flatMap(file -> SloSpecs.load(file).slos().stream()).toList();
        }
        assertThat(slos).hasSize(7).allSatisfy(slo -> assertThat(slo.alerting().name()).isEqualTo("ErrorBudgetBurn"));

        assertAccepted(GeneratedRules.forSlos(slos, SlothRules.Options.defaults("test")));
    }

    @Test
    void pyrraIndicatorsOfEveryKindWithGroupingPassPromtoolCheck() throws IOException, InterruptedException {
        Path spec = directory.resolve("pyrra.yaml");
        Files.writeString(spec, """
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: probe-up, namespace: edge}
                spec:
                  target: "99"
                  window: 4w
                  indicator:
                    bool_gauge: {metric: 'probe_success{job="blackbox"}', grouping: [instance]}
                ---
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: api-latency, namespace: edge}
                spec:
                  target: "95"
                  window: 4w
                  indicator:
                    latencyNative: {latency: 100ms, total: {metric: http_request_duration_seconds}, grouping: [route]}
                ---
                apiVersion: pyrra.dev/v1alpha1
                kind: ServiceLevelObjective
                metadata: {name: api-errors, namespace: edge}
                spec:
                  target: "99.5"
                  window: 2w
                  indicator:
                    ratio:
                      errors: {metric: 'http_requests_total{code=~"5.."}'}
                      total: {metric: http_requests_total}
                      grouping: [handler, method]
                """);
        SloFile file = SloSpecs.load(spec);
        assertThat(file.problems()).filteredOn(Problem::isError).isEmpty();

        assertAccepted(GeneratedRules.forSlos(file.slos(), SlothRules.Options.defaults("test")));
    }

    @Test
    void checkoutExampleSpecPassesPromtoolCheck() throws IOException, InterruptedException {
        assertAccepted(GeneratedRules.forSpec(CHECKOUT_SPEC, SlothRules.Options.defaults("test")));
    }

    @Test
    void slothBuiltInPluginsRulesPassPromtoolCheck() throws IOException, InterruptedException {
        String spec = """
                version: "prometheus/v1"
                service: "web"
                slo_plugins:
                  chain:
                    - id: "sloth.dev/contrib/rule_intervals/v1"
                      config: {interval: {default: 1m, sliError: 30s}}
                slos:
                  - name: "availability"
                    objective: 99.9
                    plugins:
                      chain:
                        - id: "sloth.dev/contrib/error_budget_exhausted_alert/v1"
                          config: {threshold: 0.05, alert_labels: {severity: critical}}
                        - id: "sloth.dev/contrib/remove_labels/v1"
                        - id: "sloth.dev/contrib/info_labels/v1"
                          config: {labels: {owner: web-team}}
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                        total_query: sum(rate(http_requests_total[{{.window}}]))
                    alerting:
                      name: web-availability
                """;
        GeneratedRules rules = GeneratedRules.forSpec(Path.of("plugins.yaml"), spec,
                SlothRules.Options.defaults("test"));

        assertThat(rules.yaml()).contains("alert: ErrorBudgetExhausted", "interval: \"30s\"", "owner: web-team");
        assertAccepted(rules);
    }

    @Test
    void twentyEightDayPeriodPassesPromtoolCheck() throws IOException, InterruptedException {
        SlothRules.Options twentyEightDays = new SlothRules.Options(Duration.ofDays(28), Map.of(), "test",
                AlertWindows.GOOGLE);
        GeneratedRules rules = GeneratedRules.forSpec(CHECKOUT_SPEC, twentyEightDays);

        assertThat(rules.yaml()).contains("record: slo:sli_error:ratio_rate4w", "vector(28)");
        assertAccepted(rules);
    }

    @Test
    void brokenPromqlInASpecFailsPromtoolCheck() throws IOException, InterruptedException {
        String spec = """
                version: "prometheus/v1"
                service: "checkout"
                slos:
                  - name: "requests-availability"
                    objective: 99.9
                    sli:
                      events:
                        # The closing parenthesis of sum( is missing.
                        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}])
                        total_query: sum(rate(http_requests_total[{{.window}}]))
                    alerting:
                      name: CheckoutAvailability
                """;
        GeneratedRules rules = GeneratedRules.forSpec(Path.of("broken.yaml"), spec,
                SlothRules.Options.defaults("test"));

        Promtool.Result result = check(rules);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("slo:sli_error:ratio_rate5m", "parse error");
    }
}
