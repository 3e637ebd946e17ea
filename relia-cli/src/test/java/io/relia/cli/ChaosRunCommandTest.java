package io.relia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relia chaos run} before anything runs: {@code relia validate} and the run agree on what is valid, and
 * {@code --dry-run} checks the targets, failing with the reason and the fix when they are not there.
 */
class ChaosRunCommandTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path experiment(Path dir, String traffic, int admin, int upstream) throws IOException {
        return Files.writeString(dir.resolve("payments-hang.yaml"), """
                experiment:
                  name: "Payments hangs"
                  hypothesis:
                    steady_state: "p99 latency < 500ms, error rate < 1%%"
                %s
                  proxy:
                    admin: http://127.0.0.1:%d
                    proxies:
                      - {name: payments, listen: "127.0.0.1:%d", upstream: "127.0.0.1:%d"}
                  method:
                    type: network-timeout
                    target: {service: payments}
                    timeout: 0ms
                    duration: 8s
                """.formatted(traffic, admin, upstream + 1, upstream));
    }

    @Test
    void aDryRunWithNothingRunningExits3NamingEachTargetItsReasonAndTheFix(@TempDir Path dir) throws IOException {
        int admin = closedPort();
        int checkout = closedPort();
        int payments = closedPort();
        Path file = experiment(dir, "  traffic: {url: \"http://127.0.0.1:" + checkout + "/checkout\", method: POST}",
                admin, payments);

        CliRun run = CliRun.of("chaos", "run", "--dry-run", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains(
                "Targets:\n",
                "   FAILED  proxy API http://127.0.0.1:" + admin + ": connection refused to 127.0.0.1:" + admin
                        + "\n           fix: start it: relia chaos proxy --port " + admin + "\n",
                "   FAILED  upstream 127.0.0.1:" + payments + " of proxy payments: connection refused to 127.0.0.1:"
                        + payments + "\n",
                "   FAILED  traffic POST http://127.0.0.1:" + checkout + "/checkout: connection refused to "
                        + "127.0.0.1:" + checkout + "\n");
        assertThat(run.err()).contains("relia: error: 3 targets are missing or unreachable; a run would not start");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void aRunWithNothingRunningStopsAtOnceWithoutAJournal(@TempDir Path dir) throws IOException {
        Path file = experiment(dir, "  traffic: {url: \"http://127.0.0.1:" + closedPort() + "/checkout\"}",
                closedPort(), closedPort());

        CliRun run = CliRun.of("chaos", "run", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("== targets\n", "relia: error: the run did not start: 3 targets are missing"
                + " or unreachable; nothing was injected and no journal was written").doesNotContain("== method");
        assertThat(dir.resolve("journals")).doesNotExist();
    }

    @Test
    void validateRefusesWhatTheRunRefusesWithTheSameLocatedProblem(@TempDir Path dir) throws IOException {
        Path file = experiment(dir, "", closedPort(), closedPort());

        CliRun validate = CliRun.of("validate", file.toString());
        CliRun run = CliRun.of("chaos", "run", file.toString());

        String problem = file + ":4:19: error: the experiment measures traffic metrics but declares no traffic "
                + "source";
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(validate.out() + validate.err()).contains(problem);
        assertThat(run.err()).contains(problem);
    }

    @Test
    void aPythonProviderIsAWarningForValidateAndARefusalOfTheRunAtTheSameLine(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("drain.json"), """
                {"title": "orders survive a node drain", "description": "a Chaos Toolkit extension drains the node",
                 "method": [{"type": "action", "name": "drain",
                   "provider": {"type": "python", "module": "chaosk8s.node.actions", "func": "drain_nodes"}}]}
                """);

        CliRun validate = CliRun.of("validate", file.toString());
        CliRun run = CliRun.of("chaos", "run", file.toString());

        String problem = file + ":3:25: %s: Relia cannot run python provider chaosk8s.node.actions.drain_nodes "
                + "(Chaos Toolkit can)";
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(0);
        assertThat(validate.out() + validate.err()).contains(problem.formatted("warning"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(problem.formatted("error")).doesNotContain("Exception");
    }
}
