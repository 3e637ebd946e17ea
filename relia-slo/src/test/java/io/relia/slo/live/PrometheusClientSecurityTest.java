package io.relia.slo.live;

import io.relia.slo.live.StubPrometheus.Reply;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.QueryException.Kind;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Credentials, private CAs and the validation of the client's settings. */
class PrometheusClientSecurityTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String EMPTY = "{\"resultType\":\"vector\",\"result\":[]}";

    @TempDir
    static Path directory;
    private static SelfSignedCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = SelfSignedCertificate.create(directory);
    }

    @Test
    void sendsTheBearerToken() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.success(EMPTY));
             PrometheusClient client = PrometheusClient.builder(stub.url()).bearerToken("s3cret").build()) {
            client.query("up", T0);

            assertThat(stub.requests().getFirst().header("Authorization")).isEqualTo("Bearer s3cret");
        }
    }

    @Test
    void sendsBasicAuthentication() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> Reply.success(EMPTY));
             PrometheusClient client = PrometheusClient.builder(stub.url()).basicAuth("relia", "pa:ss wörd").build()) {
            client.query("up", T0);

            String expected = Base64.getEncoder().encodeToString("relia:pa:ss wörd".getBytes(StandardCharsets.UTF_8));
            assertThat(stub.requests().getFirst().header("Authorization")).isEqualTo("Basic " + expected);
        }
    }

    @Test
    void unauthorizedHintsAtCredentialsAndIsNotRetried() throws Exception {
        try (StubPrometheus stub = StubPrometheus.http((n, r) -> new Reply(401, "text/plain", "Unauthorized"));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));

            assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR);
            assertThat(e).hasMessageStartingWith("Prometheus at " + stub.url() + " answered HTTP 401 Unauthorized")
                    .hasMessageContaining("--bearer-token").hasMessageContaining("--basic-auth");
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void trustsTheGivenCaCertificateForHttps() throws Exception {
        try (StubPrometheus stub = StubPrometheus.https(certificate.serverContext(), (n, r) -> Reply.success(EMPTY));
             PrometheusClient client = PrometheusClient.builder(stub.url()).caCertificate(certificate.pem())
                     .build()) {
            assertThat(stub.url().getScheme()).isEqualTo("https");
            assertThat(client.query("up", T0)).isEmpty();
        }
    }

    @Test
    void refusesAnUntrustedCertificateWithoutRetrying() throws Exception {
        try (StubPrometheus stub = StubPrometheus.https(certificate.serverContext(), (n, r) -> Reply.success(EMPTY));
             PrometheusClient client = PrometheusClient.builder(stub.url()).build()) {
            QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("up", T0));

            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e).hasMessageStartingWith("cannot reach Prometheus at " + stub.url() + ": TLS handshake failed")
                    .hasMessageContaining("--ca-cert").hasMessageNotContaining("attempts");
            assertThat(stub.requests()).isEmpty();
        }
    }

    @Test
    void aCaFileWithoutPemCertificatesIsRejectedNamingTheFile() throws Exception {
        Path notPem = Files.writeString(directory.resolve("not-a-cert.pem"), "hello\n");
        PrometheusClient.Builder builder = PrometheusClient.builder(URI.create("https://127.0.0.1:9090"))
                .caCertificate(notPem);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notPem.toString()).hasMessageContaining("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aMissingCaFileIsRejectedNamingTheFile() {
        Path missing = directory.resolve("missing.pem");
        PrometheusClient.Builder builder = PrometheusClient.builder(URI.create("https://127.0.0.1:9090"))
                .caCertificate(missing);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read").hasMessageContaining(missing.toString());
    }

    @Test
    void bearerTokenAndBasicAuthExcludeEachOther() {
        PrometheusClient.Builder builder = PrometheusClient.builder(URI.create("http://127.0.0.1:9090"))
                .bearerToken("t").basicAuth("u", "p");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void retriesAreBoundedToTen() {
        PrometheusClient.Builder builder = PrometheusClient.builder(URI.create("http://127.0.0.1:9090"));

        assertThatThrownBy(() -> builder.maxRetries(11)).hasMessageContaining("0..10");
        assertThatThrownBy(() -> builder.maxInFlight(0)).hasMessageContaining("1..256");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> PrometheusClient.builder(URI.create("http://user:hunter2@127.0.0.1:9090")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("basic auth")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void describesItselfByItsUrl() {
        try (PrometheusClient client = PrometheusClient.builder(URI.create("http://prom.example:9090/prometheus/"))
                .build()) {
            assertThat(client.describe()).isEqualTo("Prometheus at http://prom.example:9090/prometheus");
        }
    }
}
