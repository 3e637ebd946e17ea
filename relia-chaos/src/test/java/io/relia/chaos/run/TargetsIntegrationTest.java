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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code relia chaos run} checks before it runs and {@code --dry-run} shows: the proxy API, the proxies the
 * method faults (created when the experiment declares them), their upstreams and the traffic URL, each failure with
 * its reason and the command that fixes it. Against Relia's real proxy and a real HTTP target on 127.0.0.1.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TargetsIntegrationTest {

    @TempDir
    Path dir;
    private TargetServer target;
    private ChaosProxy proxy;
    private ToxiproxyApi api;
    private String upstream;

    @BeforeEach
    void start() throws IOException {
        target = new TargetServer();
        proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
        api = new ToxiproxyApi(proxy.adminUri());
        upstream = "127.0.0.1:" + target.uri("/").getPort();
    }

    @AfterEach
    void stop() {
        api.close();
        proxy.close();
        target.close();
    }

    /** A port nothing listens on (bound, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String admin() {
        return proxy.adminUri().toString().replaceAll("/$", "");
    }

    /** A latency fault on proxy {@code faulted}; {@code extra} goes into the experiment mapping. */
    private Experiment experiment(String faulted, String admin, String extra) throws IOException {
        Path file = Files.writeString(dir.resolve("experiment.yaml"), """
                experiment:
                  name: targets
                  hypothesis:
                    steady_state: "error rate < 1%%"
                  traffic: {url: "%s", method: POST, rate: 10, timeout: 2s, window: 1s}
                  proxy:
                    admin: "%s"
                %s
                  method:
                    type: network-latency
                    target: {service: %s}
                    latency: 100ms
                    duration: 1s
                """.formatted(target.uri("/orders"), admin, extra.indent(2).stripTrailing(), faulted));
        Experiments.Result read = Experiments.load(file, Map.of());
        assertThat(read.problems()).filteredOn(Problem::isError).isEmpty();
        return read.experiment().orElseThrow();
    }

    private static String declared(String name, String listen, String upstream) {
        return "  proxies:\n    - {name: %s, listen: \"%s\", upstream: \"%s\"}".formatted(name, listen, upstream);
    }

    @Test
    void aDryRunReportsAMissingDeclaredProxyAsToBeCreatedAndLeavesTheServerAsItWas() throws Exception {
        String listen = "127.0.0.1:" + closedPort();
        Experiment experiment = experiment("payments", admin(), declared("payments", listen, upstream));

        Targets.Report report = Targets.check(experiment, Targets.Mode.CHECK);

        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.checks()).extracting(Targets.Check::text).contains(
                "proxy payments does not exist on " + admin() + "; the run will create it: " + listen + " -> "
                        + upstream,
                "upstream " + upstream + " of proxy payments accepts connections");
        assertThat(api.findProxy("payments")).isEmpty();
    }

    @Test
    void beforeARunAMissingDeclaredProxyIsCreatedAndStaysForTheServiceThatCallsIt() throws Exception {
        String listen = "127.0.0.1:" + closedPort();
        Experiment experiment = experiment("payments", admin(), declared("payments", listen, upstream));

        Targets.Report report = Targets.check(experiment, Targets.Mode.PREPARE);

        assertThat(report.checks()).filteredOn(check -> check.status() == Targets.Status.CREATED)
                .extracting(Targets.Check::text).singleElement().asString()
                .startsWith("proxy payments on " + admin() + ": " + listen + " -> " + upstream);
        assertThat(api.proxy("payments")).containsEntry("listen", listen).containsEntry("upstream", upstream);
    }

    @Test
    void aProxyNeitherPresentNorDeclaredStopsTheRunAtOnceWithTheCommandThatCreatesIt() throws Exception {
        Experiment experiment = experiment("ledger", admin(), "");

        assertThatThrownBy(() -> new ExperimentRunner(experiment, RunOptions.DEFAULTS, RunListener.NONE).run())
                .isInstanceOfSatisfying(TargetsUnavailable.class, unavailable -> {
                    assertThat(unavailable.report().failures()).singleElement().satisfies(failure -> {
                        assertThat(failure.text()).isEqualTo("proxy ledger does not exist on " + admin()
                                + ", and the experiment does not declare it");
                        assertThat(failure.fix()).contains("proxy: {proxies: [{name: ledger, listen: HOST:PORT, "
                                + "upstream: HOST:PORT}]}", "curl -s -X POST " + admin() + "/proxies -d '{\"name\""
                                + ":\"ledger\"");
                    });
                });
        assertThat(target.calls()).isEmpty();
    }

    @Test
    void aProxyForwardingElsewhereThanDeclaredIsRefusedWithTheCommandThatRepointsIt() throws Exception {
        String listen = String.valueOf(api.createProxy("payments", "127.0.0.1:0", "127.0.0.1:1").get("listen"));
        Experiment experiment = experiment("payments", admin(), declared("payments", listen, upstream));

        Targets.Report report = Targets.check(experiment, Targets.Mode.PREPARE);

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.text()).isEqualTo("proxy payments on " + admin() + " forwards " + listen
                    + " -> 127.0.0.1:1, but the experiment declares " + listen + " -> " + upstream);
            assertThat(failure.fix()).startsWith("point it at the declared addresses: curl -s -X POST " + admin()
                    + "/proxies/payments -d '{\"listen\":\"" + listen + "\",\"upstream\":\"" + upstream + "\"}'");
        });
        assertThat(api.proxy("payments")).containsEntry("upstream", "127.0.0.1:1");
    }

    @Test
    void toxicsLeftOnAProxyAreRefusedWithTheCommandsThatRemoveThem() throws Exception {
        api.createProxy("payments", "127.0.0.1:0", upstream);
        api.createToxic("payments", "left_over", "latency", "downstream", 1.0, Map.of("latency", 1000));
        Experiment experiment = experiment("payments", admin(), "");

        Targets.Report report = Targets.check(experiment, Targets.Mode.CHECK);

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.text()).contains("already has toxics (left_over)");
            assertThat(failure.fix()).isEqualTo("remove them: curl -s -X DELETE " + admin()
                    + "/proxies/payments/toxics/left_over");
        });
    }

    @Test
    void anUnreachableProxyApiAndAStoppedUpstreamAreReportedWithTheirReasons() throws Exception {
        int adminPort = closedPort();
        int upstreamPort = closedPort();
        Experiment experiment = experiment("payments", "http://127.0.0.1:" + adminPort,
                declared("payments", "127.0.0.1:" + closedPort(), "127.0.0.1:" + upstreamPort));

        Targets.Report report = Targets.check(experiment, Targets.Mode.CHECK);

        assertThat(report.failures()).extracting(Targets.Check::text, Targets.Check::fix).containsExactly(
                org.assertj.core.groups.Tuple.tuple("proxy API http://127.0.0.1:" + adminPort + ": connection "
                        + "refused to 127.0.0.1:" + adminPort, "start it: relia chaos proxy --port " + adminPort),
                org.assertj.core.groups.Tuple.tuple("upstream 127.0.0.1:" + upstreamPort + " of proxy payments: "
                        + "connection refused to 127.0.0.1:" + upstreamPort, "start the service that listens on "
                        + "127.0.0.1:" + upstreamPort));
    }

    @Test
    void aGetTrafficUrlIsCalledOnceAndAnErrorStatusFailsTheCheckWhileAPostIsNeverSent() throws Exception {
        api.createProxy("payments", "127.0.0.1:0", upstream);
        target.breakNow();
        Experiment post = experiment("payments", admin(), "");
        Path get = Files.writeString(dir.resolve("get.yaml"), Files.readString(dir.resolve("experiment.yaml"))
                .replace("/orders\", method: POST", "/health\", method: GET"));

        Targets.Report posted = Targets.check(post, Targets.Mode.CHECK);
        Targets.Report got = Targets.check(Experiments.load(get, Map.of()).experiment().orElseThrow(),
                Targets.Mode.CHECK);

        assertThat(posted.ok()).isTrue();
        assertThat(posted.checks()).extracting(Targets.Check::text).contains("traffic POST " + target.uri("/orders")
                + ": " + upstream + " accepts connections (a POST is not sent by a check)");
        assertThat(got.failures()).extracting(Targets.Check::text).containsExactly("traffic GET "
                + target.uri("/health") + ": HTTP 500 from " + target.uri("/health"));
        assertThat(target.calls()).isEmpty();
    }

    @Test
    void aFaultedProxyThatTheTrafficNeverReachesIsReportedAsAWarningAfterTheWarmUp() throws Exception {
        String listen = String.valueOf(api.createProxy("payments", "127.0.0.1:0", upstream).get("listen"));
        Experiment bypassing = experiment("payments", admin(), "");
        Path through = Files.writeString(dir.resolve("through.yaml"), Files.readString(dir.resolve("experiment.yaml"))
                .replace(target.uri("/orders").toString(), "http://" + listen + "/orders"));
        List<String> warnings = new CopyOnWriteArrayList<>();
        RunListener collect = new RunListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        RunOptions fast = RunOptions.DEFAULTS.withProbeInterval(Duration.ofMillis(200));

        new ExperimentRunner(Experiments.load(through, Map.of()).experiment().orElseThrow(), fast, collect).run();
        List<String> throughTheProxy = List.copyOf(warnings);
        new ExperimentRunner(bypassing, fast, collect).run();

        assertThat(throughTheProxy).isEmpty();
        assertThat(warnings).containsExactly("no connection is open through proxy payments after the warm-up: if "
                + "the service under test does not call its address, the faults will not reach it");
    }
}
