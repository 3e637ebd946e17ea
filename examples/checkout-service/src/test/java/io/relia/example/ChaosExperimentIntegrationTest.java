package io.relia.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.relia.chaos.ChaosProxy;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Experiments;
import io.relia.chaos.run.ExperimentRunner;
import io.relia.chaos.run.Journal;
import io.relia.chaos.run.RunListener;
import io.relia.chaos.run.RunOptions;
import io.relia.core.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example's chaos experiment ({@code reliability/chaos/payments-hang.yaml}: 200 ms latency, then a hung
 * payments) run end to end: checkout → Relia's proxy → payments, all on 127.0.0.1. As shipped, checkout has no
 * timeout on payments and the hypothesis fails; with the resilient profile the audit recommends it holds.
 */
@Tag("integration")
class ChaosExperimentIntegrationTest {
    private static final Path EXPERIMENT = Path.of("reliability/chaos/payments-hang.yaml");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpService payments;
    private ChaosProxy proxy;
    private HttpService checkout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeEach
    void startPaymentsBehindTheProxy() throws IOException, InterruptedException {
        Options defaults = Options.defaults(Options.Service.PAYMENTS);
        payments = PaymentsService.start(new Options(defaults.service(), "127.0.0.1", 0, defaults.paymentsUrl(),
                0.0, Duration.ZERO, OptionalLong.of(1), Optional.empty()));
        proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(proxy.adminUri().resolve("proxies"))
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"payments\",\"listen\":"
                        + "\"127.0.0.1:0\",\"upstream\":\"" + payments.baseUri().getAuthority() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stopAll() {
        if (checkout != null) {
            checkout.close();
        }
        proxy.close();
        payments.close();
        http.shutdownNow();
    }

    private JsonNode paymentsProxy() throws IOException, InterruptedException {
        return JsonMapper.shared().readTree(http.send(HttpRequest.newBuilder(
                proxy.adminUri().resolve("proxies/payments")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private Journal runAgainst(Optional<Duration> paymentsTimeout, Path dir) throws Exception {
        String listen = paymentsProxy().get("listen").asString();
        Options defaults = Options.defaults(Options.Service.CHECKOUT);
        checkout = CheckoutService.start(new Options(defaults.service(), "127.0.0.1", 0,
                URI.create("http://" + listen), 0.0, Duration.ZERO, OptionalLong.empty(), paymentsTimeout));
        // The file names the default ports; point it at this test's free ones.
        String text = Files.readString(EXPERIMENT)
                .replace("127.0.0.1:8080", checkout.baseUri().getAuthority())
                .replace("127.0.0.1:8474", proxy.adminUri().getAuthority());
        Path experimentFile = Files.writeString(dir.resolve("payments-hang.yaml"), text);
        Experiments.Result loaded = Experiments.load(experimentFile);
        assertThat(loaded.problems()).filteredOn(Problem::isError).isEmpty();
        Experiment experiment = loaded.experiment().orElseThrow();
        return new ExperimentRunner(experiment, RunOptions.DEFAULTS.withJournal(dir.resolve("journal.json")),
                RunListener.NONE).run();
    }

    private void assertProxyIsClean() throws Exception {
        JsonNode state = paymentsProxy();
        assertThat(state.get("toxics").size()).isZero();
        assertThat(state.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void failsAsShippedBecauseCheckoutWaitsOnAHungPayments(@TempDir Path dir) throws Exception {
        Journal journal = runAgainst(Optional.empty(), dir);

        assertThat(journal.status() != Journal.Status.COMPLETED || journal.deviated())
                .as("status %s, deviated %s, abort: %s", journal.status(), journal.deviated(), journal.abortReason())
                .isTrue();
        assertThat(journal.status()).isNotEqualTo(Journal.Status.INTERRUPTED);
        assertThat(dir.resolve("journal.json")).exists();
        assertProxyIsClean();
    }

    @Test
    void passesWithTheResilientProfile(@TempDir Path dir) throws Exception {
        Journal journal = runAgainst(Optional.of(Duration.ofMillis(300)), dir);

        assertThat(journal.status()).as("abort: %s", journal.abortReason()).isEqualTo(Journal.Status.COMPLETED);
        assertThat(journal.deviated()).as("journal %s", dir.resolve("journal.json")).isFalse();
        assertThat(journal.faultWindows()).hasSize(2);
        assertProxyIsClean();
    }
}
