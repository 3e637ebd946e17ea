package io.relia.chaos;

import io.relia.chaos.experiment.Experiments;
import io.relia.chaos.experiment.RunnerLimits;
import io.relia.chaos.run.Plan;
import io.relia.core.Problem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code relia validate} (and the review) judge a chaos experiment exactly as {@code relia chaos run} does. */
class ChaosExperimentValidatorTest {

    private static final Path SAMPLES = Path.of("src/test/resources/experiments/chaostoolkit-samples");

    /** Every experiment file of the repository, and real Chaos Toolkit experiments (see their README). */
    static Stream<Path> experimentFiles() throws IOException {
        List<Path> roots = List.of(Path.of("../examples/checkout-service/reliability/chaos"),
                Path.of("src/test/resources/experiments"));
        return roots.stream().flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                // journals (journals/, journal.json) are the runs' output (the tour writes there), not experiments
                return files.filter(file -> file.toString().matches(".*\\.(ya?ml|json)$"))
                        .filter(file -> !file.toString().contains("journal")).sorted().toList().stream();
            } catch (IOException unreadable) {
                throw new java.io.UncheckedIOException(unreadable);
            }
        });
    }

    /** What relia validate reports for a file: every installed validator's problems for each kind in it. */
    private static List<Problem> validate(Path file) {
        List<SpecDocument> documents = SpecLoader.load(file).file().orElseThrow().documents();
        InputKind kind = InputDiscovery.kindOf(file.getFileName(), documents.getFirst().root()).orElseThrow();
        return InputValidator.validateAll(new DiscoveredInput(file, file, kind, documents));
    }

    @ParameterizedTest
    @MethodSource("experimentFiles")
    void validateReportsWhatTheRunReportsAndPassesOnlyWhatTheRunAccepts(Path file) throws IOException {
        Experiments.Result run = Experiments.load(file);
        List<String> lines = Files.readAllLines(file);

        // What only Relia's runner cannot do (a python provider, a variable unset here) is a warning for validate,
        // an error for the run; an error that only follows from an unset value ("the url is empty") is the run's.
        List<Problem> expected = run.problems().stream().map(RunnerLimits::atValidation).toList();
        List<Problem> validated = validate(file);
        assertThat(expected).containsAll(validated);
        assertThat(expected).filteredOn(problem -> !validated.contains(problem)).allSatisfy(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(lines.get(problem.location().line() - 1)).contains("${");
        });
        run.experiment().ifPresent(experiment -> assertThat(Plan.problems(experiment)).isEmpty());
    }

    @Test
    void anExperimentWithoutTrafficSourceIsInvalidForValidateAsForTheRun(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("no-traffic.yaml"), """
                experiment:
                  name: "latency without traffic"
                  hypothesis:
                    steady_state: "p99 latency < 500ms"
                  method: {type: network-latency, target: {service: payments}, latency: 200ms, duration: 1m}
                """);

        assertThat(validate(file)).extracting(Problem::format).containsExactly(file + ":4:19: error: the experiment"
                + " measures traffic metrics but declares no traffic source; expected traffic: {url: http://..., "
                + "rate: 10} (hint: the built-in traffic source calls that URL at a constant rate and measures "
                + "latency and errors)");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceEachAtItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), """
                experiment:
                  name: "many problems"
                  hypothesis:
                    steady_state: "p99 latency < 500ms"
                  proxy:
                    proxies:
                      - {name: payments, listen: "127.0.0.1", upstream: "127.0.0.1:8081"}
                      - {name: ledger, listen: "127.0.0.1:8092", upstream: "127.0.0.1:8082"}
                  scope: {proxies: [payments]}
                  method:
                    - type: network-latncy
                      target: {service: payments, percentage: 500}
                      duration: 1m
                    - type: network-latency
                      target: {service: payments}
                      latency: 200ms
                      duration: forever
                """);

        List<Problem> problems = validate(file);

        assertThat(problems).filteredOn(Problem::isError).extracting(problem -> problem.location().line()
                + ": " + problem.message()).containsExactly(
                "4: the experiment measures traffic metrics but declares no traffic source",
                "7: \"127.0.0.1\" is not host:port with a port 1..65535",
                "8: proxy \"ledger\" is declared outside the scope",
                "11: unknown fault type \"network-latncy\"",
                "12: percentage is 500",
                "17: \"forever\" is not a duration");
    }

    @Test
    void toxicValuesTheProxyWouldRefuseAreReportedAtTheirLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("too-much.yaml"), """
                experiment:
                  name: "beyond the proxy's ranges"
                  hypothesis:
                    steady_state: "p99 latency < 500ms"
                  traffic: {url: "http://127.0.0.1:8091/health", rate: 5}
                  method:
                    - type: network-latency
                      target: {service: payments}
                      latency: 2h
                      duration: 1m
                    - type: network-bandwidth
                      target: {service: payments}
                      rate: 9223372036854775807
                      duration: 1m
                """);

        assertThat(validate(file)).filteredOn(Problem::isError).extracting(problem -> problem.location().line()
                + ": " + problem.message()).containsExactly(
                "9: \"latency\" is more than an hour",
                "13: rate is 9223372036854775807 KB/s");
    }

    @Test
    void aPythonProviderIsValidChaosToolkitThatReliaCannotRunAWarningForValidateAnErrorForTheRun() {
        Path file = SAMPLES.resolve("service-down-not-visible-to-users.json");

        List<Problem> validated = validate(file);
        List<Problem> run = Experiments.load(file).problems();

        assertThat(validated).allSatisfy(problem -> assertThat(problem.isError()).isFalse())
                .extracting(problem -> problem.location().line() + ": " + problem.message())
                .containsExactly("17: Relia cannot run python provider chaosk8s.probes.all_microservices_healthy "
                        + "(Chaos Toolkit can)", "38: Relia cannot run python provider "
                        + "chaosk8s.actions.kill_microservice (Chaos Toolkit can)");
        assertThat(run).filteredOn(Problem::isError).extracting(problem -> problem.location().line())
                .containsExactly(17, 38);
    }

    @Test
    void aJsonPathFilterIsValidChaosToolkitThatReliaCannotEvaluate(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("no-errors.yaml"), """
                title: no request fails while a replica restarts
                description: the tolerance filters Prometheus' answer, as jsonpath2 allows
                steady-state-hypothesis:
                  title: no errors
                  probes:
                    - type: probe
                      name: no-5xx
                      tolerance: {type: jsonpath, path: "$.data.result[?(@.value > 0)]", count: 0}
                      provider: {type: http, url: "http://127.0.0.1:9090/api/v1/query?query=errors"}
                method: []
                """);

        assertThat(validate(file)).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.location().line()).isEqualTo(8);
            assertThat(problem.message()).startsWith("Relia cannot run this JSONPath tolerance (Chaos Toolkit can)");
        });
        assertThat(Experiments.load(file).problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(problem -> assertThat(problem.location().line()).isEqualTo(8));
    }

    @Test
    void anEnvironmentVariableUnsetHereIsNeededAtRunTimeNotAnErrorOfTheFileAndHasNoKnockOnErrors(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("needs-env.json"), """
                {
                  "title": "the shop answers while a node drains",
                  "description": "the URL comes from the environment at run time",
                  "configuration": {
                    "shop_url": {"type": "env", "key": "RELIA_TEST_SHOP_URL_NEVER_SET"},
                    "region": {"type": "env", "key": "RELIA_TEST_REGION_NEVER_SET", "default": "eu-west-1"}
                  },
                  "steady-state-hypothesis": {
                    "title": "the shop answers",
                    "probes": [{"type": "probe", "name": "shop-answers", "tolerance": 200,
                      "provider": {"type": "http", "url": "${shop_url}", "timeout": 3}}]
                  },
                  "method": []
                }
                """);

        List<Problem> validated = validate(file);
        List<Problem> run = Experiments.load(file).problems();

        assertThat(validated).filteredOn(Problem::isError).isEmpty();
        assertThat(validated).extracting(Problem::format).contains(file + ":5:17: note: needed at run time: "
                + "RELIA_TEST_SHOP_URL_NEVER_SET (configuration \"shop_url\" reads it and has no default) (hint: the "
                + "run fails unless RELIA_TEST_SHOP_URL_NEVER_SET is set; add a default to run it anywhere)");
        assertThat(run).filteredOn(Problem::isError).first().extracting(Problem::message).asString()
                .isEqualTo("environment variable RELIA_TEST_SHOP_URL_NEVER_SET (configuration \"shop_url\") is not "
                        + "set and has no default");
    }

    @Test
    void aChaosToolkitVersionKeyIsAcceptedAndControlsAreReportedAsNotRun() {
        List<Problem> problems = validate(SAMPLES.resolve("simple-interactive-experiment.json"));

        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).isEqualTo("control \"prompt\" (provider module "
                    + "chaossimpleinteract.control) is not run by Relia");
        });
    }
}
