package io.relia.chaos.experiment;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos Toolkit experiments in the shape public collections write them: one problem per cause, refs anywhere in the
 * experiment, secrets, controls, and the Toxiproxy driver (chaostoolkit-toxiproxy's {@code chaostoxi}).
 */
class ChaosToolkitReadingTest {

    private static final Path WRITTEN = Path.of("src/test/resources/experiments/chaostoolkit-written");
    private static final URI ADMIN = URI.create("http://127.0.0.1:8474");

    private static List<String> problems(Path file) {
        return Experiments.load(file, Map.of()).problems().stream().map(Problem::format).toList();
    }

    @Test
    void aRefusedPythonProviderOrVaultValueIsTheOnlyErrorItsUsesDoNotRepeatIt() {
        Path file = WRITTEN.resolve("catalog-latency.json");

        assertThat(Experiments.load(file, Map.of()).problems()).filteredOn(Problem::isError)
                .extracting(Problem::format).containsExactly(
                        file + ":7:21: error: Relia cannot read configuration \"vault_token\" of type \"vault\" "
                                + "(Chaos Toolkit can); expected a value, or {type: env, key: VARIABLE} (hint: run "
                                + "this experiment with Chaos Toolkit's chaos run, or read the value from an "
                                + "environment variable)",
                        file + ":28:27: error: Relia cannot run python provider chaosistio.fault.actions"
                                + ".add_delay_fault (Chaos Toolkit can); expected http or process (hint: run this "
                                + "experiment with Chaos Toolkit's chaos run, or call the function as a process: "
                                + "{type: process, path: python3, arguments: [-c, ...]})");
    }

    @Test
    void aRefMayNameAnActivityDefinedLaterAsChaosToolkitResolvesRefsAcrossTheExperiment(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("experiment.json"), """
                {"title": "t", "description": "d",
                 "steady-state-hypothesis": {"title": "h", "probes": [
                   {"type": "probe", "ref": "catalog-answers", "tolerance": 200}]},
                 "method": [
                   {"type": "probe", "name": "catalog-answers",
                    "provider": {"type": "http", "url": "http://127.0.0.1:9/catalog"}}]}
                """);

        Experiments.Result result = Experiments.load(file, Map.of());

        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(result.experiment().orElseThrow().hypothesis()).extracting(Activity::name)
                .containsExactly("catalog-answers");
    }

    @Test
    void aRefToNoActivityAnywhereIsStillAnErrorWithTheClosestName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("experiment.json"), """
                {"title": "t", "description": "d",
                 "method": [
                   {"type": "probe", "name": "catalog-answers",
                    "provider": {"type": "http", "url": "http://127.0.0.1:9/catalog"}},
                   {"type": "probe", "ref": "catalog-answer"}]}
                """);

        assertThat(problems(file)).singleElement().isEqualTo(file + ":5:29: error: \"ref\" names no activity: "
                + "\"catalog-answer\"; expected the name of an activity of this experiment (hint: did you mean "
                + "\"catalog-answers\"?)");
    }

    @Test
    void secretsAreSubstitutedLikeConfigurationFromTheirEnvironmentVariable() {
        Experiments.Result result = Experiments.load(WRITTEN.resolve("catalog-latency.json"),
                Map.of("STOREFRONT_TOKEN", "s3cret"));

        assertThat(result.problems()).noneSatisfy(problem -> assertThat(problem.message()).contains("api_token"));
        Map<String, Object> configuration = Experiments.load(WRITTEN.resolve("toxiproxy-driver.json"), Map.of())
                .experiment().orElseThrow().configuration();
        assertThat(configuration).containsEntry("toxiproxy_host", "127.0.0.1");
    }

    @Test
    void eachControlIsNamedWithItsModuleAsNotRunByRelia() {
        Path file = WRITTEN.resolve("catalog-latency.json");

        assertThat(problems(file)).contains(file + ":15:5: warning: control \"tracing\" (provider module "
                + "chaostracing.control) is not run by Relia (hint: Chaos Toolkit runs controls (Python hooks) "
                + "around the experiment and its activities; Relia runs the activities without them)");
    }

    @Test
    void theToxiproxyDriversFunctionsBecomeReliasToxiproxyProvidersOnTheConfiguredApi() {
        Experiments.Result result = Experiments.load(WRITTEN.resolve("toxiproxy-driver.json"), Map.of());

        assertThat(result.problems()).isEmpty();
        Experiment experiment = result.experiment().orElseThrow();
        assertThat(experiment.hypothesis()).extracting(Activity::provider)
                .containsExactly(new Provider.ProxyExists(ADMIN, "orders_db"));
        assertThat(experiment.method()).extracting(Activity::provider).containsExactly(
                new Provider.CreateProxy(ADMIN, "orders_db", "127.0.0.1:6666", "10.28.188.118:5432", true),
                new Provider.AddToxic(ADMIN, "orders_db", "latency_toxic", "latency", "downstream", 1.0,
                        Map.of("latency", 5000L, "jitter", 200L)),
                new Provider.AddToxic(ADMIN, "orders_db", "slow_link", "bandwidth", "downstream", 1.0,
                        Map.of("rate", 64L)),
                new Provider.AddToxic(ADMIN, "orders_db", "limiter", "limit_data", "downstream", 1.0,
                        Map.of("bytes", 1024L)),
                new Provider.AddToxic(ADMIN, "orders_db", "up_timeout", "timeout", "upstream", 0.5,
                        Map.of("timeout", 100L)),
                new Provider.SetProxyEnabled(ADMIN, "orders_db", false),
                new Provider.ProxyAttribute(ADMIN, "orders_db", "upstream"));
        assertThat(experiment.rollbacks()).extracting(Activity::provider).containsExactly(
                new Provider.RemoveToxic(ADMIN, "orders_db", "latency_toxic"),
                new Provider.ResetProxies(ADMIN),
                new Provider.DeleteProxy(ADMIN, "orders_db"));
    }

    @Test
    void toxiproxyUrlWinsOverHostAndPortAsInTheDriver(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("experiment.yaml"), """
                title: t
                description: d
                configuration:
                  toxiproxy_host: 10.0.0.1
                  toxiproxy_url: http://127.0.0.1:18474
                method:
                - type: action
                  name: modify
                  provider:
                    type: python
                    module: chaostoxi.proxy.actions
                    func: modify_proxy
                    arguments: {proxy_name: db, upstream_address: "127.0.0.1:5433"}
                """);

        Experiment experiment = Experiments.load(file, Map.of()).experiment().orElseThrow();

        assertThat(experiment.method().getFirst().provider()).isEqualTo(new Provider.UpdateProxy(
                URI.create("http://127.0.0.1:18474"), "db", Optional.empty(), Optional.of("127.0.0.1:5433"),
                Optional.empty()));
    }

    @Test
    void anUnmappedDriverFunctionOrArgumentIsALocatedErrorNamingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("experiment.yaml"), """
                title: t
                description: d
                configuration:
                  toxiproxy_host: 127.0.0.1
                method:
                - type: action
                  name: bandwidth
                  provider:
                    type: python
                    module: chaostoxi.toxic.actions
                    func: create_bandwidth_degradation_toxic
                    arguments: {for_proxy: db, toxic_name: slow, rate: 10}
                - type: action
                  name: latency
                  provider:
                    type: python
                    module: chaostoxi.toxic.actions
                    func: create_latency_toxic
                    arguments: {for_proxy: db, toxic_name: slow, latncy: 10}
                """);

        assertThat(problems(file)).containsExactly(
                file + ":11:11: error: Relia does not map chaostoxi function chaostoxi.toxic.actions"
                        + ".create_bandwidth_degradation_toxic; expected one of create_bandwith_degradation_toxic, "
                        + "create_latency_toxic, create_limiter_toxic, create_slicer_toxic, "
                        + "create_slow_connection_close_toxic, create_timeout_toxic, create_toxic, delete_toxic "
                        + "(hint: did you mean \"create_bandwith_degradation_toxic\"?)",
                file + ":19:16: error: chaostoxi.toxic.actions.create_latency_toxic needs argument \"latency\"; "
                        + "expected arguments: {for_proxy, toxic_name, latency}",
                file + ":19:50: error: chaostoxi.toxic.actions.create_latency_toxic has no argument \"latncy\"; "
                        + "expected for_proxy, toxic_name, latency, jitter (hint: did you mean \"latency\"?)");
    }

    @Test
    void theDriverNeedsToxiproxyHostOrUrlInTheConfiguration(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("experiment.json"), """
                {"title": "t", "description": "d",
                 "method": [{"type": "action", "name": "reset",
                   "provider": {"type": "python", "module": "chaostoxi.proxy.actions", "func": "reset"}}]}
                """);

        assertThat(problems(file)).singleElement().asString().startsWith(file + ":3:16: error: no Toxiproxy API "
                + "for chaostoxi; expected configuration: {toxiproxy_host: HOST}");
    }
}
