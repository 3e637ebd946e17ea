package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real Toxiproxy Java client (eu.rekawek.toxiproxy:toxiproxy-java 2.1.11) drives Relia's proxy unchanged. */
@Tag("integration")
class ToxiproxyJavaConformanceTest {
    private ChaosProxy server;
    private ToxiproxyClient client;
    private EchoServer echo;

    @BeforeEach
    void start() throws IOException {
        server = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
        client = new ToxiproxyClient("127.0.0.1", server.adminUri().getPort());
        echo = EchoServer.echo();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        echo.close();
    }

    @Test
    void createdProxyReportsTheAddressItBoundAndForwards() throws IOException {
        Proxy proxy = client.createProxy("echo", "127.0.0.1:0", echo.address());

        assertThat(proxy.getName()).isEqualTo("echo");
        assertThat(proxy.getListen()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
        assertThat(proxy.getUpstream()).isEqualTo(echo.address());
        assertThat(proxy.isEnabled()).isTrue();
        assertThat(Wire.roundTrip(proxy.getListen(), "hello")).isEqualTo("hello");
    }

    @Test
    void getListAndGetOrNullSeeWhatWasCreated() throws IOException {
        client.createProxy("a", "127.0.0.1:0", echo.address());
        client.createProxy("b", "127.0.0.1:0", echo.address());

        assertThat(client.getProxy("a").getUpstream()).isEqualTo(echo.address());
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactlyInAnyOrder("a", "b");
        assertThat(client.getProxyOrNull("missing")).isNull();
    }

    @Test
    void errorsCarryToxiproxysStatusAndText() throws IOException {
        client.createProxy("dup", "127.0.0.1:0", echo.address());

        assertThatThrownBy(() -> client.createProxy("dup", "127.0.0.1:0", echo.address()))
                .isInstanceOf(IOException.class).hasMessageContaining("409").hasMessageContaining("proxy already exists");
        assertThatThrownBy(() -> client.getProxy("nope"))
                .isInstanceOf(IOException.class).hasMessageContaining("404").hasMessageContaining("proxy not found");
        Proxy proxy = client.getProxy("dup");
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
        assertThatThrownBy(() -> proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 10))
                .isInstanceOf(IOException.class).hasMessageContaining("409").hasMessageContaining("toxic already exists");
        assertThatThrownBy(() -> proxy.toxics().get("none"))
                .isInstanceOf(IOException.class).hasMessageContaining("404").hasMessageContaining("toxic not found");
    }

    @Test
    void disableClosesListenerAndOpenConnectionsAndEnableReopens() throws Exception {
        Proxy proxy = client.createProxy("toggle", "127.0.0.1:0", echo.address());
        String listen = proxy.getListen();
        try (Socket open = Wire.connect(listen)) {
            Wire.send(open, "ping");
            assertThat(Wire.read(open, 4)).isEqualTo("ping");

            proxy.disable();

            assertThat(client.getProxy("toggle").isEnabled()).isFalse();
            assertThat(Wire.readsEndOfStream(open)).isTrue();
            assertThatThrownBy(() -> Wire.connect(listen).close()).isInstanceOf(ConnectException.class);
        }
        proxy.enable();
        assertThat(client.getProxy("toggle").isEnabled()).isTrue();
        assertThat(Wire.roundTrip(listen, "back")).isEqualTo("back");
    }

    @Test
    void setListenMovesTheProxyAndSetUpstreamRetargetsIt() throws Exception {
        try (EchoServer other = new EchoServer(EchoServer.Mode.ECHO, "other:")) {
            Proxy proxy = client.createProxy("move", "127.0.0.1:0", echo.address());
            String oldListen = proxy.getListen();
            // Port 0 asks for a new free port: no race with a port probed earlier.
            proxy.setListen("127.0.0.1:0");
            String newListen = client.getProxy("move").getListen();
            assertThat(newListen).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo(oldListen);
            assertThatThrownBy(() -> Wire.connect(oldListen).close()).isInstanceOf(ConnectException.class);

            proxy.setUpstream(other.address());
            assertThat(Wire.roundTrip(newListen, "x")).isEqualTo("other:x");
        }
    }

    @Test
    void deleteRemovesTheProxyAndItsListener() throws IOException {
        Proxy proxy = client.createProxy("gone", "127.0.0.1:0", echo.address());
        String listen = proxy.getListen();

        proxy.delete();

        assertThat(client.getProxyOrNull("gone")).isNull();
        assertThatThrownBy(() -> Wire.connect(listen).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void everyToxicTypeIsCreatedAndReadBackWithAllItsAttributes() throws IOException {
        Proxy proxy = client.createProxy("all", "127.0.0.1:0", echo.address());
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 120).setJitter(15);
        proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 500);
        proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 64, 20).setSizeVariation(8);
        proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 30);
        proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 0);
        proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 0);
        proxy.toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 40);

        List<? extends Toxic> all = client.getProxy("all").toxics().getAll();

        assertThat(all).extracting(Toxic::getName).containsExactly("lat", "bw", "sl", "sc", "to", "ld", "rp");
        Latency latency = proxy.toxics().get("lat", Latency.class);
        assertThat(latency.getLatency()).isEqualTo(120);
        assertThat(latency.getJitter()).isEqualTo(15);
        assertThat(latency.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
        assertThat(latency.getToxicity()).isEqualTo(1.0f);
        assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(500);
        Slicer slicer = proxy.toxics().get("sl", Slicer.class);
        assertThat(List.of(slicer.getAverageSize(), slicer.getSizeVariation(), slicer.getDelay()))
                .containsExactly(64L, 8L, 20L);
        assertThat(proxy.toxics().get("sc", SlowClose.class).getDelay()).isEqualTo(30);
        assertThat(proxy.toxics().get("to", Timeout.class).getTimeout()).isZero();
        assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isZero();
        assertThat(proxy.toxics().get("rp", ResetPeer.class).getTimeout()).isEqualTo(40);
    }

    @Test
    void attributeAndToxicityUpdatesArePartial() throws IOException {
        Proxy proxy = client.createProxy("upd", "127.0.0.1:0", echo.address());
        Latency latency = proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 100);

        latency.setJitter(7);
        latency.setLatency(250);
        latency.setToxicity(0.25f);

        Latency read = client.getProxy("upd").toxics().get("lat", Latency.class);
        assertThat(read.getLatency()).isEqualTo(250);
        assertThat(read.getJitter()).isEqualTo(7);
        assertThat(read.getToxicity()).isEqualTo(0.25f);
        assertThat(read.getStream()).isEqualTo(ToxicDirection.UPSTREAM);
    }

    @Test
    void removedToxicIsGoneAndRemovingItAgainIs404() throws IOException {
        Proxy proxy = client.createProxy("rm", "127.0.0.1:0", echo.address());
        Toxic toxic = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);

        toxic.remove();

        assertThat(proxy.toxics().getAll()).isEmpty();
        // The client reads no error body on DELETE: HttpURLConnection throws FileNotFoundException for the 404.
        assertThatThrownBy(toxic::remove).isInstanceOf(java.io.FileNotFoundException.class);
    }

    @Test
    void resetRemovesEveryToxicAndEnablesEveryProxy() throws IOException {
        Proxy first = client.createProxy("one", "127.0.0.1:0", echo.address());
        Proxy second = client.createProxy("two", "127.0.0.1:0", echo.address());
        first.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
        second.disable();

        client.reset();

        assertThat(client.getProxy("one").toxics().getAll()).isEmpty();
        assertThat(client.getProxy("two").isEnabled()).isTrue();
        assertThat(Wire.roundTrip(client.getProxy("two").getListen(), "up")).isEqualTo("up");
    }

    @Test
    void versionIsTheToxiproxyApiVersion() throws IOException {
        assertThat(client.version()).contains("\"version\": \"2.12.0\"");
    }

    @Test
    void latencyToxicFromTheClientSlowsTraffic() throws IOException {
        Proxy proxy = client.createProxy("slow", "127.0.0.1:0", echo.address());
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 150);

        long start = System.nanoTime();
        assertThat(Wire.roundTrip(proxy.getListen(), "x")).isEqualTo("x");

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    }
}
