package io.relia.chaos.experiment;

import io.relia.core.Problem;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentReadersTest {

    static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability/chaos/payments-latency.yaml");
    static final Path RESOURCES = Path.of("src/test/resources/experiments");

    private static Experiment read(Path path) {
        Experiments.Result result = Experiments.load(path, Map.of());
        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        return result.experiment().orElseThrow();
    }

    private static List<String> problems(Path path) {
        return Experiments.load(path, Map.of()).problems().stream().map(Problem::format).toList();
    }

    @Test
    void theCheckoutExampleBecomesALatencyToxicOnThePaymentsProxyHeldForTenMinutes() {
        Experiment experiment = read(EXAMPLE);

        assertThat(experiment.format()).isEqualTo(Experiment.Format.NATIVE);
        assertThat(experiment.title()).isEqualTo("Payments Latency Injection");
        Activity inject = experiment.method().getFirst();
        assertThat(inject.fault()).isTrue();
        assertThat(inject.pauseAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(inject.provider()).isEqualTo(new Provider.AddToxic(URI.create("http://127.0.0.1:8474"),
                "payments", "relia_network-latency", "latency", "downstream", 0.5,
                Map.of("latency", 200L, "jitter", 0L)));
        assertThat(experiment.method().get(1).provider())
                .isEqualTo(new Provider.RemoveToxic(URI.create("http://127.0.0.1:8474"), "payments",
                        "relia_network-latency"));
        assertThat(experiment.rollbacks()).extracting(Activity::provider)
                .containsExactly(experiment.method().get(1).provider());
    }

    @Test
    void theCheckoutExampleMeasuresItsSteadyStateAbortCriterionAndVerificationsOnTrafficMetrics() {
        Experiment experiment = read(EXAMPLE);

        assertThat(experiment.hypothesis()).extracting(activity -> activity.tolerance().orElseThrow().describe())
                .containsExactly("p99_latency < 500ms", "error_rate < 0.1%");
        assertThat(experiment.abortWhen()).extracting(Condition::format).containsExactly("error_rate > 5%");
        assertThat(experiment.verification()).extracting(activity -> activity.tolerance().orElseThrow().describe())
                .containsExactly("error_rate < 1%", "p99_latency < 1000ms");
        assertThat(experiment.schedule().orElseThrow()).isEqualTo(new Schedule("staging", "weekly",
                java.util.Optional.of(Duration.ofDays(7)), "#checkout-chaos-results"));
    }

    @Test
    void theSeedExperimentAsWrittenIsRefusedForItsMissingTrafficSourceAndWarnedForTheMetricNothingMeasures() {
        Experiments.Result result = Experiments.load(RESOURCES.resolve("seed-network-latency.yaml"), Map.of());

        assertThat(result.experiment()).isEmpty();
        assertThat(result.problems()).extracting(Problem::format).containsExactly(
                RESOURCES.resolve("seed-network-latency.yaml") + ":7:19: error: the experiment measures traffic "
                        + "metrics but declares no traffic source; expected traffic: {url: http://..., rate: 10} "
                        + "(hint: the built-in traffic source calls that URL at a constant rate and measures latency "
                        + "and errors)",
                RESOURCES.resolve("seed-network-latency.yaml") + ":27:7: warning: metric \"circuit_breaker_open\" "
                        + "is not measured by the traffic source and not declared under metrics; expected "
                        + "p50_latency, p90_latency, p95_latency, p99_latency, error_rate, throughput or a metrics: "
                        + "entry (hint: declare it as metrics: {circuit_breaker_open: <PromQL>} with prometheus: URL; "
                        + "until then it is reported as not measured)");
    }

    @Test
    void theSeedExperimentWithATrafficSourceReadsItsExpectedVerification(@TempDir Path dir) throws IOException {
        String seed = Files.readString(RESOURCES.resolve("seed-network-latency.yaml"));
        Path runnable = Files.writeString(dir.resolve("seed.yaml"), seed.replace("  hypothesis:\n",
                "  traffic: {url: http://127.0.0.1:8080/}\n  hypothesis:\n"));

        Experiments.Result result = Experiments.load(runnable, Map.of());

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).contains("circuit_breaker_open");
        });
        assertThat(result.experiment().orElseThrow().verification().get(2).tolerance().orElseThrow().describe())
                .isEqualTo("circuit_breaker_open == true");
    }

    @Test
    void aMethodListRunsEachFaultForItsOwnDurationThenRemovesIt() {
        Experiment experiment = read(RESOURCES.resolve("sequential-faults.yaml"));

        assertThat(experiment.method()).extracting(Activity::name).containsExactly(
                "inject network-latency-1 on payments", "remove network-latency-1 from payments",
                "inject network-reset-2 on payments", "remove network-reset-2 from payments",
                "inject network-down-3 on payments", "remove network-down-3 from payments");
        assertThat(experiment.method()).filteredOn(Activity::fault).extracting(Activity::pauseAfter)
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(5));
        assertThat(((Provider.AddToxic) experiment.method().get(2).provider()).toxicity()).isEqualTo(0.25);
        assertThat(experiment.method().get(4).provider()).isEqualTo(new Provider.SetProxyEnabled(
                URI.create("http://127.0.0.1:8474"), "payments", false));
        assertThat(experiment.traffic().orElseThrow().rate()).isEqualTo(20.0);
        assertThat(experiment.schedule().orElseThrow().period()).contains(Duration.ofDays(14));
    }

    @Test
    void theChaosToolkitExampleSubstitutesConfigurationIntoItsProviders() {
        Experiment experiment = read(RESOURCES.resolve("db-latency.chaostoolkit.json"));

        assertThat(experiment.format()).isEqualTo(Experiment.Format.CHAOS_TOOLKIT);
        assertThat(experiment.tags()).containsExactly("db", "latency");
        Provider.Http probe = (Provider.Http) experiment.hypothesis().getFirst().provider();
        assertThat(probe.url()).isEqualTo(URI.create("http://127.0.0.1:8080/health"));
        assertThat(probe.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(experiment.hypothesis().getFirst().tolerance()).contains(new Tolerance.Equals(200L));
        Activity action = experiment.method().getFirst();
        assertThat(action.pauseAfter()).isEqualTo(Duration.ofSeconds(5));
        Provider.Http add = (Provider.Http) action.provider();
        assertThat(add.method()).isEqualTo("POST");
        assertThat(add.url()).isEqualTo(URI.create("http://127.0.0.1:8474/proxies/db/toxics"));
        assertThat(add.arguments().orElseThrow()).isEqualTo(Map.of("type", "latency", "stream", "downstream",
                "attributes", Map.of("latency", 500L, "jitter", 50L)));
        assertThat(experiment.rollbacks()).extracting(activity -> activity.provider().describe())
                .containsExactly("DELETE http://127.0.0.1:8474/proxies/db/toxics/latency_downstream");
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsLineAndColumn() {
        List<String> problems = problems(RESOURCES.resolve("many-errors.chaostoolkit.yaml"));

        String file = RESOURCES.resolve("many-errors.chaostoolkit.yaml").toString();
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":3:1: warning: unknown key "
                + "\"configuratoin\"").contains("did you mean \"configuration\"?"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":8:7: error: hypothesis probe "
                + "\"no-tolerance\" has no tolerance"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":12:14: error: \"${app}\" refers"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":17:13: error: Relia cannot run "
                + "python provider"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":20:11: error: unknown activity "
                + "type \"actoin\""));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":26:10: error: \"ref\" names no "
                + "activity"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(file + ":29:15: error: unknown strategy "
                + "\"alwais\"").contains("did you mean \"always\"?"));
    }

    @Test
    void actionsOutsideTheDeclaredScopeAreRefusedBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outside.yaml");
        Files.writeString(file, """
                experiment:
                  name: outside
                  scope:
                    proxies: [payments]
                  method:
                    type: network-latency
                    target: {service: ledger}
                    latency: 100ms
                    duration: 1s
                """);

        assertThat(problems(file)).anySatisfy(line -> assertThat(line).startsWith(file + ":6:5: error: action "
                + "\"inject network-latency on ledger\" touches proxy ledger, outside the declared scope"));
    }

    @Test
    void chaosToolkitHttpActionsOnOtherProxiesAreOutsideTheScope(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ctk.json");
        Files.writeString(file, """
                {"title": "t", "description": "d",
                 "x-relia": {"scope": {"proxies": ["db"]}},
                 "method": [{"type": "action", "name": "cut-cache",
                   "provider": {"type": "http", "method": "POST", "url": "http://127.0.0.1:8474/proxies/cache",
                                "arguments": {"enabled": false}}}]}
                """);

        assertThat(problems(file)).singleElement().asString().contains("touches proxy cache");
    }

    @Test
    void configurationFromTheEnvironmentFallsBackToItsDefault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("env.yaml");
        Files.writeString(file, """
                title: t
                description: d
                configuration:
                  app: {type: env, key: APP_URL, default: "http://127.0.0.1"}
                  port: {type: env, key: APP_PORT, env_var_type: int}
                method:
                  - type: probe
                    name: p
                    provider: {type: http, url: "${app}:${port}/x"}
                """);

        Experiment experiment = Experiments.load(file, Map.of("APP_PORT", "8081")).experiment().orElseThrow();

        assertThat(((Provider.Http) experiment.method().getFirst().provider()).url())
                .isEqualTo(URI.create("http://127.0.0.1:8081/x"));
        assertThat(experiment.configuration()).containsEntry("port", 8081L);
    }

    @Test
    void aFileThatIsNeitherFormatSaysWhatWasExpected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.yaml");
        Files.writeString(file, "name: not an experiment\n");

        assertThat(problems(file)).containsExactly(file + ":1:1: error: not a chaos experiment; expected a native "
                + "experiment (experiment: {name, method}) or a Chaos Toolkit experiment (title, description, method)");
    }

    @Test
    void anUnknownFaultTypeSuggestsTheClosestOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, """
                experiment:
                  name: typo
                  method:
                    type: network-latncy
                    target: {service: a}
                    duration: 1s
                """);

        assertThat(problems(file)).anySatisfy(line -> assertThat(line).startsWith(file + ":4:11: error:"));
    }

    @Test
    void reliaProviderTypesReadInsideAChaosToolkitExperiment() {
        Experiment experiment = read(RESOURCES.resolve("relia-providers.chaostoolkit.yaml"));
        URI admin = URI.create("http://127.0.0.1:8475");

        assertThat(experiment.hypothesis()).extracting(Activity::provider).containsExactly(
                new Provider.BurnRate(URI.create("http://127.0.0.1:9090"),
                        "sum(rate(errors[5m])) / sum(rate(requests[5m]))", 0.999),
                new Provider.Metric("p99_latency"));
        assertThat(experiment.method()).extracting(Activity::provider).containsExactly(
                new Provider.AddToxic(admin, "ledger", "latency_downstream", "latency", "downstream", 0.5,
                        Map.of("latency", 250L, "jitter", 25L)),
                new Provider.ProcessControl(Provider.Signal.START, "worker", List.of("sleep", "30")),
                new Provider.PrometheusQuery(URI.create("http://127.0.0.1:9090"), "sum(rate(errors[1m]))"));
        assertThat(experiment.method().get(1).background()).isTrue();
        assertThat(experiment.rollbacks()).extracting(Activity::provider).containsExactly(
                new Provider.RemoveToxic(admin, "ledger", "latency_downstream"),
                new Provider.ProcessControl(Provider.Signal.KILL, "worker", List.of()));
        assertThat(experiment.strategies()).isEqualTo(new Strategies(Strategies.Hypothesis.CONTINUOUSLY,
                Duration.ofMillis(500), Strategies.Rollbacks.ALWAYS));
        assertThat(experiment.abortWhen()).extracting(Condition::format).containsExactly("error_rate > 5%");
        assertThat(experiment.scope().proxies()).containsExactly("ledger");
    }

    @Test
    void theExampleDeclaresThePaymentsProxyItFaults() {
        Experiment experiment = read(EXAMPLE);

        assertThat(experiment.proxies()).containsExactly(new DeclaredProxy(URI.create("http://127.0.0.1:8474"),
                "payments", "127.0.0.1:8091", "127.0.0.1:8081"));
    }

    @Test
    void aChaosToolkitExperimentDeclaresProxiesUnderXRelia(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ledger.yaml"), """
                title: Ledger is slow
                description: proxies declared in Relia's extension
                x-relia:
                  proxy:
                    admin: http://127.0.0.1:18474
                    proxies:
                      - {name: ledger, listen: "127.0.0.1:15433", upstream: "127.0.0.1:5432"}
                method: []
                """);

        assertThat(read(file).proxies()).containsExactly(new DeclaredProxy(URI.create("http://127.0.0.1:18474"),
                "ledger", "127.0.0.1:15433", "127.0.0.1:5432"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../examples/checkout-service/reliability/chaos/payments-latency.yaml",
            "src/test/resources/experiments/sequential-faults.yaml",
            "src/test/resources/experiments/seed-network-latency.yaml"})
    void nativeFilesValidateAgainstThePublishedSchema(String path) {
        var root = SpecLoader.load(Path.of(path)).file().orElseThrow().documents().getFirst().root();

        assertThat(SpecSchema.named("chaos-experiment").validate(root)).isEmpty();
    }
}
