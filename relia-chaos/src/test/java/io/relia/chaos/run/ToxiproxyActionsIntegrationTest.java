package io.relia.chaos.run;

import io.relia.chaos.ChaosProxy;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Experiments;
import io.relia.core.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Native experiments against Relia's real fault proxy ({@link ChaosProxy}) and a real HTTP target. */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ToxiproxyActionsIntegrationTest {

    private static final RunOptions FAST = RunOptions.DEFAULTS.withProbeInterval(Duration.ofMillis(200));

    @TempDir
    Path dir;
    private TargetServer target;
    private ChaosProxy proxy;
    private ToxiproxyApi api;
    private String listen;

    @BeforeEach
    void start() throws Exception {
        target = new TargetServer();
        proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
        api = new ToxiproxyApi(proxy.adminUri());
        listen = String.valueOf(api.createProxy("payments", "127.0.0.1:0", "127.0.0.1:" + target.uri("/").getPort())
                .get("listen"));
        warmUp();
    }

    /** One answer through the proxy before measuring: a cold JVM's first connection is not the steady state. */
    private void warmUp() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + listen + "/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        api.close();
        proxy.close();
        target.close();
    }

    private Experiment experiment(String method, String rollback, String verification) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, """
                experiment:
                  name: payments under fault
                  hypothesis:
                    steady_state: "error rate < 1%%"
                  traffic:
                    url: http://%s/health
                    rate: 40
                    timeout: 5s
                    window: 1s
                  proxy:
                    admin: %s
                  method:
                %s
                  rollback:
                %s
                  verification:
                %s
                """.formatted(listen, proxy.adminUri(), method.indent(4).stripTrailing(),
                rollback.indent(4).stripTrailing(), verification.indent(4).stripTrailing()));
        Experiments.Result result = Experiments.load(file, Map.of());
        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        return result.experiment().orElseThrow();
    }

    private static String describe(FutureTask<Journal> run) {
        try {
            return run.isDone() ? JournalWriter.toMap(run.get()).toString() : "still running";
        } catch (Exception failed) {
            return failed.toString();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> toxics() throws Exception {
        return (List<Object>) api.proxy("payments").get("toxics");
    }

    @Test
    void aLatencyFaultIsMeasuredByTheVerificationAndRemovedAfterwards() throws Exception {
        Experiment experiment = experiment("""
                type: network-latency
                target: {service: payments}
                latency: 300ms
                duration: 2s""", "automatic: true", """
                - metric: p99_latency
                  threshold: "> 250ms\"""");

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
        assertThat(journal.during()).singleElement().satisfies(check -> assertThat(check.met()).isTrue());
        assertThat(journal.deviated()).isFalse();
        assertThat(toxics()).isEmpty();
    }

    @Test
    void aDownProxyTripsTheAbortCriterionAndIsReEnabled() throws Exception {
        Experiment experiment = experiment("""
                type: network-down
                target: {service: payments}
                duration: 60s""", """
                automatic: true
                trigger: "error_rate > 50%\"""", """
                - metric: error_rate
                  threshold: "< 1%\"""");
        long started = System.nanoTime();

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.ABORTED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(api.proxy("payments").get("enabled")).isEqualTo(true);
    }

    @Test
    void interruptingWithoutAutomaticRollbackStillLeavesTheProxyClean() throws Exception {
        Experiment experiment = experiment("""
                type: network-latency
                target: {service: payments, percentage: 50}
                latency: 100ms
                duration: 60s""", "automatic: false", "[]");
        ExperimentRunner runner = new ExperimentRunner(experiment, FAST, RunListener.NONE);
        // its own thread, as the CLI runs it: not the common pool, which the HTTP client may need
        FutureTask<Journal> run = new FutureTask<>(runner::run);
        Thread.ofPlatform().name("experiment").start(run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (toxics().isEmpty() && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(toxics()).as(() -> describe(run))
                .hasSize(1);

        assertThat(runner.interrupt()).isTrue();

        Journal journal = run.get(20, TimeUnit.SECONDS);
        assertThat(journal.status()).isEqualTo(Journal.Status.INTERRUPTED);
        assertThat(journal.undone()).containsExactly("remove toxic relia_network-latency from proxy payments");
        assertThat(toxics()).isEmpty();
    }

    @Test
    void theChaosToolkitExampleAddsLatencyThroughTheAdminApiAndItsRollbackRemovesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("ctk.json"), """
                {"title": "Checkout survives payments latency", "description": "research section 5, on Relia's proxy",
                 "configuration": {"admin": "%s", "app": "http://%s"},
                 "steady-state-hypothesis": {"title": "app healthy", "probes": [
                   {"type": "probe", "name": "health-200", "tolerance": 200,
                    "provider": {"type": "http", "url": "${app}/health", "timeout": 5}}]},
                 "method": [
                   {"type": "action", "name": "add-latency", "pauses": {"after": 1},
                    "provider": {"type": "http", "method": "POST", "url": "${admin}proxies/payments/toxics",
                                 "headers": {"Content-Type": "application/json"},
                                 "arguments": {"type": "latency", "stream": "downstream",
                                               "attributes": {"latency": 200}}}},
                   {"type": "probe", "name": "slow-health",
                    "provider": {"type": "http", "url": "${app}/health", "timeout": 5}}],
                 "rollbacks": [
                   {"type": "action", "name": "remove-latency",
                    "provider": {"type": "http", "method": "DELETE",
                                 "url": "${admin}proxies/payments/toxics/latency_downstream"}}]}
                """.formatted(proxy.adminUri(), listen));
        Experiment experiment = Experiments.load(file, Map.of()).experiment().orElseThrow();

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
        assertThat(journal.deviated()).isFalse();
        assertThat(((Map<?, ?>) journal.run().get(0).output()).get("status")).isEqualTo(200);
        assertThat(journal.run().get(1).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(((Map<?, ?>) journal.rollbacks().getFirst().output()).get("status")).isEqualTo(204);
        assertThat(toxics()).isEmpty();
    }

    @Test
    void reliasToxiproxyProviderAddsAToxicThatTheUndoLogRemovesWhenNoRollbackDoes() throws Exception {
        Path file = Files.writeString(dir.resolve("relia.yaml"), """
                title: latency without rollbacks
                description: the safety net must leave the proxy clean
                x-relia:
                  proxy: {admin: "%s"}
                  scope: {proxies: [payments]}
                method:
                  - type: action
                    name: slow-payments
                    provider: {type: toxiproxy, action: add-toxic, proxy: payments, toxic_type: latency,
                               attributes: {latency: 50}}
                  - type: probe
                    name: toxics-now
                    provider: {type: http, url: "%sproxies/payments/toxics", timeout: 5}
                    tolerance: {type: jsonpath, path: "$[0].attributes.latency", expect: 50}
                """.formatted(proxy.adminUri(), proxy.adminUri()));
        Experiment experiment = Experiments.load(file, Map.of()).experiment().orElseThrow();

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.run().get(1).output().toString()).contains("latency_downstream");
        assertThat(journal.undone()).containsExactly("remove toxic latency_downstream from proxy payments");
        assertThat(toxics()).isEmpty();
    }

    @Test
    void adminApiErrorsCarryTheServersMessage() throws Exception {
        assertThat(api.deleteToxic("payments", "never-added")).isFalse();
        assertThatThrownBy(() -> api.setEnabled("no-such-proxy", false))
                .isInstanceOf(ToxiproxyApi.ApiError.class)
                .hasMessageContaining("HTTP 404: proxy not found")
                .satisfies(error -> assertThat(((ToxiproxyApi.ApiError) error).status()).isEqualTo(404));
    }
}
