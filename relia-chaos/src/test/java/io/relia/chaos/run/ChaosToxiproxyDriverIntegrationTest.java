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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Chaos Toolkit experiment written for chaostoolkit-toxiproxy ({@code chaostoxi} python providers) run by Relia,
 * without Python, against Relia's Toxiproxy-compatible proxy ({@code relia chaos proxy}) on 127.0.0.1.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChaosToxiproxyDriverIntegrationTest {

    @TempDir
    Path dir;
    private TargetServer target;
    private ChaosProxy proxy;
    private ToxiproxyApi api;

    @BeforeEach
    void start() throws Exception {
        target = new TargetServer();
        proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
        api = new ToxiproxyApi(proxy.adminUri());
    }

    @AfterEach
    void stop() {
        api.close();
        proxy.close();
        target.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theDriversProxyAndLatencyToxicAreCreatedMeasuredAndRolledBack() throws Exception {
        int listen = freePort();
        int upstream = target.uri("/").getPort();
        Path file = Files.writeString(dir.resolve("experiment.json"), """
                {"version": "1.0.0",
                 "title": "Health answers through a slow proxy",
                 "description": "chaostoolkit-toxiproxy creates a proxy, adds 300 ms latency, then cleans up",
                 "configuration": {"toxiproxy_host": "127.0.0.1", "toxiproxy_port": %d},
                 "steady-state-hypothesis": {"title": "the service answers", "probes": [
                   {"type": "probe", "name": "health", "tolerance": 200,
                    "provider": {"type": "http", "url": "http://127.0.0.1:%d/health", "timeout": 5}}]},
                 "method": [
                   {"type": "action", "name": "setup_toxiproxy_proxy",
                    "provider": {"type": "python", "module": "chaostoxi.proxy.actions", "func": "create_proxy",
                                 "arguments": {"proxy_name": "health_proxy", "listen_host": "127.0.0.1",
                                               "listen_port": %d, "upstream_host": "127.0.0.1",
                                               "upstream_port": %d}}},
                   {"type": "probe", "name": "proxy-exists",
                    "provider": {"type": "python", "module": "chaostoxi.proxy.probes", "func": "proxy_exist",
                                 "arguments": {"proxy_name": "health_proxy"}}},
                   {"type": "action", "name": "create_latency_toxic",
                    "provider": {"type": "python", "module": "chaostoxi.toxic.actions",
                                 "func": "create_latency_toxic",
                                 "arguments": {"for_proxy": "health_proxy", "toxic_name": "latency_toxic",
                                               "latency": 300}}},
                   {"type": "probe", "name": "slow-health",
                    "provider": {"type": "http", "url": "http://127.0.0.1:%d/health", "timeout": 5}},
                   {"type": "probe", "name": "upstream",
                    "provider": {"type": "python", "module": "chaostoxi.proxy.probes",
                                 "func": "get_proxy_attribute",
                                 "arguments": {"proxy_name": "health_proxy", "attribute": "upstream"}}}],
                 "rollbacks": [
                   {"type": "action", "name": "remove_latency_toxic",
                    "provider": {"type": "python", "module": "chaostoxi.toxic.actions", "func": "delete_toxic",
                                 "arguments": {"for_proxy": "health_proxy", "toxic_name": "latency_toxic"}}},
                   {"type": "action", "name": "delete_proxy",
                    "provider": {"type": "python", "module": "chaostoxi.proxy.actions", "func": "delete_proxy",
                                 "arguments": {"proxy_name": "health_proxy"}}}]}
                """.formatted(proxy.adminUri().getPort(), upstream, listen, upstream, listen));
        Experiments.Result read = Experiments.load(file, Map.of());
        assertThat(read.problems()).filteredOn(Problem::isError).isEmpty();
        Experiment experiment = read.experiment().orElseThrow();
        assertThat(Targets.check(experiment, Targets.Mode.CHECK).failures()).isEmpty();

        Journal journal = new ExperimentRunner(experiment, RunOptions.DEFAULTS, RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
        Map<String, Journal.ActivityRun> runs = new java.util.HashMap<>();
        journal.run().forEach(run -> runs.put(run.name(), run));
        assertThat(runs.values()).allSatisfy(run -> assertThat(run.succeeded()).as(run.name()).isTrue());
        assertThat(runs.get("proxy-exists").output()).isEqualTo(true);
        assertThat(runs.get("upstream").output()).isEqualTo("127.0.0.1:" + upstream);
        Journal.ActivityRun slow = runs.get("slow-health");
        assertThat(Duration.between(slow.start(), slow.end())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(journal.rollbacks()).extracting(Journal.ActivityRun::succeeded).containsExactly(true, true);
        assertThat(api.findProxy("health_proxy")).isEmpty();
    }
}
