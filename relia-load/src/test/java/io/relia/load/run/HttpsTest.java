package io.relia.load.run;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;
import io.relia.load.selftest.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS targets: a self-signed certificate made by the JDK's keytool, served by the test server. */
class HttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;

    private static SslContext serverTls;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Path keystore = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        serverTls = SslContextBuilder.forServer(keys).build();
    }

    private static Scenario scenario(int port, boolean insecure) {
        return new Scenario("tls", new Target(true, "127.0.0.1", port, insecure), List.of(RequestTemplate.get("/")),
                Optional.empty(), new LoadProfile.Constant(200, Duration.ofSeconds(1)), 5, Duration.ZERO,
                Duration.ofSeconds(2), List.of());
    }

    @Test
    void loadsAnHttpsTargetWhenTheCertificateIsAccepted() throws Exception {
        try (TestServer server = TestServer.startTls(serverTls)) {
            LoadResult result = new LoadRunner(scenario(server.port(), true), LoadOptions.defaults(),
                    LoadListener.NONE).run();

            assertThat(result.total().status(200)).isEqualTo(200);
            assertThat(result.total().errors()).isZero();
        }
    }

    @Test
    void anUntrustedCertificateStopsTheRunBeforeItStarts() throws Exception {
        try (TestServer server = TestServer.startTls(serverTls)) {
            assertThatThrownBy(() -> new LoadRunner(scenario(server.port(), false), LoadOptions.defaults(),
                    LoadListener.NONE).run())
                    .isInstanceOf(TargetUnreachableException.class)
                    .hasMessageStartingWith("cannot connect to https://127.0.0.1:" + server.port()
                            + ": TLS handshake failed: ");
        }
    }
}
