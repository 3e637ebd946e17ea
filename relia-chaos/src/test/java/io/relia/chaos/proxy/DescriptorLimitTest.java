package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reported failure, in a proxy process of its own under a low file descriptor limit ({@code ulimit -n 256}):
 * two proxies looping into each other and one client connection used to take every descriptor, after which the
 * admin API timed out and every other proxy was dead. With the process cap computed from the limit, the loop ends
 * at the cap and the API and the other proxies keep working.
 */
@Tag("integration")
class DescriptorLimitTest {
    private static final int DESCRIPTOR_LIMIT = 256;

    private Process proxy;
    private Path stderr;
    private Api api;
    private EchoServer echo;

    @BeforeEach
    void startProxyUnderALowLimit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        stderr = Files.createTempFile("relia-fd-limit", ".log");
        proxy = new ProcessBuilder("bash", "-c", "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$0\" -cp \"$1\" "
                + LimitedProxyMain.class.getName(), java, System.getProperty("java.class.path"))
                .redirectError(stderr.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
        String adminUri = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(adminUri).as("the proxy process started (stderr: %s)", stderr).startsWith("http://");
        api = new Api(URI.create(adminUri));
        echo = EchoServer.echo();
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.getOutputStream().close();
            if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (echo != null) {
            echo.close();
        }
        if (stderr != null) {
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    void aLoopEndsAtTheProcessCapAndTheApiAndOtherProxiesKeepWorking() throws Exception {
        // Two descriptors per connection: the loop cannot have opened as many as the limit allows.
        new LoopScenario(api, echo).assertEndsAtACapWhileTheRestWorks("process_cap", DESCRIPTOR_LIMIT / 2.0, false);
        assertThat(proxy.isAlive()).isTrue();
    }
}
