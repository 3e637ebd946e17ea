package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Connection churn and many concurrent connections while toxics come and go: no file descriptor or buffer may
 * leak. Netty's leak detector runs at PARANOID level (every buffer tracked) and reports into {@link #LEAKS};
 * surefire gives every test class of this module a fresh JVM, so the detector is installed before Netty starts.
 */
@Tag("integration")
class ChurnAndLeaksTest extends ProxyTestSupport {
    @Override
    boolean metrics() {
        return true;
    }

    static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @SuppressWarnings("deprecation")
    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            return new ResourceLeakDetector<>(resource, samplingInterval) {
                @Override
                protected boolean needReport() {
                    return true;
                }

                @Override
                protected void reportTracedLeak(String type, String records) {
                    LEAKS.add(type + records);
                }

                @Override
                protected void reportUntracedLeak(String type) {
                    LEAKS.add(type);
                }
            };
        }
    }



    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void cycle(String listen, int i) throws IOException {
        try (Socket socket = Wire.connect(listen)) {
            byte[] payload = new byte[1024 + i % 7];
            socket.getOutputStream().write(payload);
            switch (i % 4) {
                case 0 -> socket.setSoLinger(true, 0); // abort with RST, reply unread
                case 1 -> socket.shutdownOutput();     // half-close first
                default -> Wire.readBytes(socket, payload.length);
            }
        }
    }

    @Test
    void churnWithChangingToxicsLeaksNoDescriptorsOrBuffers() throws Exception {
        String listen = api.proxy("churn", echo.address());
        for (int i = 0; i < 50; i++) {
            cycle(listen, 2);
        }
        awaitNoConnections("churn");
        long before = openFileDescriptors();

        AtomicBoolean running = new AtomicBoolean(true);
        Thread toxics = Thread.ofVirtual().start(() -> flipToxics("churn", running));
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int offset = worker;
                work.add(clients.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        cycle(listen, i + offset);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket socket = Wire.connect(listen);
                    open.add(socket);
                    Wire.send(socket, "c");
                }
                for (Socket socket : open) {
                    assertThat(Wire.read(socket, 1)).isEqualTo("c");
                }
            } finally {
                for (Socket socket : open) {
                    socket.close();
                }
            }
        } finally {
            running.set(false);
            toxics.join(10_000);
        }
        api.call("POST", "/reset", null);
        awaitNoConnections("churn");

        assertThat(openFileDescriptors()).isLessThanOrEqualTo(before + 10);
        assertThat(api.call("GET", "/metrics", null).body())
                .contains("relia_chaos_proxy_open_connections{proxy=\"churn\"} 0.0");
        triggerLeakReports();
        assertThat(LEAKS).isEmpty();
    }

    private void flipToxics(String proxy, AtomicBoolean running) {
        for (int i = 0; i < 5_000 && running.get(); i++) {
            String name = "t" + (i % 3);
            String type = switch (i % 3) {
                case 0 -> "{\"name\":\"t0\",\"type\":\"latency\",\"attributes\":{\"latency\":2,\"jitter\":1}}";
                case 1 -> "{\"name\":\"t1\",\"type\":\"slicer\",\"attributes\":{\"average_size\":100,\"delay\":50}}";
                default -> "{\"name\":\"t2\",\"type\":\"bandwidth\",\"stream\":\"upstream\","
                        + "\"attributes\":{\"rate\":100000}}";
            };
            api.call("POST", "/proxies/" + proxy + "/toxics", type);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            api.call("DELETE", "/proxies/" + proxy + "/toxics/" + name, null);
        }
    }

    private void awaitNoConnections(String proxy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (api.json("GET", "/proxies/" + proxy + "/connections", null).size() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.json("GET", "/proxies/" + proxy + "/connections", null).size()).isZero();
    }

    /** Leaks are reported when a later buffer is tracked after the leaked one was collected. */
    private static void triggerLeakReports() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(100);
            for (int i = 0; i < 200; i++) {
                ByteBuf probe = ByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
    }

    @Test
    void refusedOrResettingUpstreamsCloseTheClientAndTheProxyStaysUp() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String refused = api.proxy("refused", "127.0.0.1:" + closedPort);
        try (Socket socket = Wire.connect(refused)) {
            assertThat(Wire.readsEndOfStream(socket)).isTrue();
        }

        try (ServerSocket resetter = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket accepted = resetter.accept()) {
                    accepted.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // the test ends either way
                }
            });
            String resetting = api.proxy("resetting", "127.0.0.1:" + resetter.getLocalPort());
            try (Socket socket = Wire.connect(resetting)) {
                Wire.send(socket, "x");
                assertThat(Wire.readsEndOfStream(socket)).isTrue();
            }
            acceptor.join(5_000);
        }

        String healthy = api.proxy("healthy", echo.address());
        assertThat(Wire.roundTrip(healthy, "still up")).isEqualTo("still up");
    }
}
