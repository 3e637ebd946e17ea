package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each toxic's effect measured through the proxy against a local echo server, with Toxiproxy's own tolerances.
 * Where a loaded 2-core CI needs more room, the assertion says how much was added and takes the median of a few
 * samples; lower bounds are never loosened (a toxic must never act too early).
 */
@Tag("integration")
class ToxicEffectsTest extends ProxyTestSupport {


    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Median round trip of a few one-byte echoes on one connection, ms. */
    private static long medianRoundTrip(Socket socket, int samples) throws IOException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Wire.send(socket, "x");
            assertThat(Wire.read(socket, 1)).isEqualTo("x");
            times.add(millisSince(start));
        }
        return times.stream().sorted().toList().get(samples / 2);
    }

    @Test
    void latencyDelaysEachDirectionByItsAmount() throws IOException {
        String listen = api.proxy("lat", echo.address());
        api.toxic("lat", "{\"type\":\"latency\",\"stream\":\"upstream\",\"attributes\":{\"latency\":100}}");
        api.toxic("lat", "{\"type\":\"latency\",\"stream\":\"downstream\",\"attributes\":{\"latency\":50}}");

        try (Socket socket = Wire.connect(listen)) {
            long median = medianRoundTrip(socket, 5);
            // Toxiproxy: within the sum of jitters + 20 ms for both directions.
            assertThat(median).isBetween(150L, 170L);
        }
    }

    @Test
    void jitterStaysWithinItsBounds() throws IOException {
        String listen = api.proxy("jit", echo.address());
        api.toxic("jit", "{\"type\":\"latency\",\"attributes\":{\"latency\":100,\"jitter\":20}}");

        try (Socket socket = Wire.connect(listen)) {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Wire.send(socket, "j");
                Wire.read(socket, 1);
                // Never below latency - jitter; above, latency + jitter plus scheduling slack that holds on a loaded
                // 2-core machine (Toxiproxy's own test allows 10 ms, which a concurrent build there exceeded: 133 ms).
                assertThat(millisSince(start)).isBetween(80L, 180L);
            }
        }
    }

    @Test
    void chainedLatenciesAddUp() throws IOException {
        String listen = api.proxy("chain", echo.address());
        api.toxic("chain", "{\"name\":\"a\",\"type\":\"latency\",\"attributes\":{\"latency\":150}}");
        api.toxic("chain", "{\"name\":\"b\",\"type\":\"latency\",\"attributes\":{\"latency\":150}}");

        try (Socket socket = Wire.connect(listen)) {
            // The sum is the floor; the slack above it is for a loaded 2-core machine.
            assertThat(medianRoundTrip(socket, 3)).isBetween(300L, 350L);
        }
    }

    @Test
    void latencyIsPipelinedNotSerialised() throws Exception {
        String listen = api.proxy("pipe", echo.address());
        api.toxic("pipe", "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");

        try (Socket socket = Wire.connect(listen)) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                Wire.send(socket, "p");
                Thread.sleep(10);
            }
            assertThat(Wire.read(socket, 20)).hasSize(20);
            long elapsed = millisSince(start);
            // 20 sends over ~200 ms plus one 100 ms delay; serialised delays would take 2 s.
            assertThat(elapsed).isBetween(290L, 600L);
        }
    }

    @Test
    void bandwidthLimitsToKilobytesPerSecond() throws Exception {
        try (EchoServer sink = new EchoServer(EchoServer.Mode.COUNT, "")) {
            String listen = api.proxy("bw", sink.address());
            api.toxic("bw", "{\"type\":\"bandwidth\",\"stream\":\"upstream\",\"attributes\":{\"rate\":1000}}");
            byte[] payload = new byte[480_000];

            // 480 KB at 1000 KB/s (1 KB = 1000 B) = 480 ms; Toxiproxy allows 10 ms, here +15 ms for a loaded CI,
            // in the best of three runs.
            bestOfThree(470, 505, () -> {
                long before = sink.received.get();
                try (Socket socket = Wire.connect(listen)) {
                    long start = System.nanoTime();
                    socket.getOutputStream().write(payload);
                    socket.getOutputStream().flush();
                    long deadline = start + 5_000_000_000L;
                    while (sink.received.get() - before < payload.length && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    assertThat(sink.received.get() - before).isEqualTo(payload.length);
                    return (sink.lastReceiveNanos - start) / 1_000_000;
                }
            });
        }
    }

    @Test
    void slicerCutsIntoSmallPiecesAndReassemblesExactly() throws IOException {
        String listen = api.proxy("slice", echo.address());
        // delay is in µs (as Toxiproxy's): 2 ms apart, so a reader that falls behind on a busy machine still sees
        // separate pieces (at 10 µs the kernel joined them when CI was loaded: 59 reads where 78 were required).
        api.toxic("slice", "{\"type\":\"slicer\",\"attributes\":{\"average_size\":1024,\"size_variation\":512,"
                + "\"delay\":2000}}");
        byte[] payload = new byte[240_000];
        new Random(7).nextBytes(payload);

        try (Socket socket = Wire.connect(listen)) {
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            byte[] buffer = new byte[64 * 1024];
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int reads = 0;
            while (got.size() < payload.length) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
                reads++;
            }
            assertThat(got.toByteArray()).isEqualTo(payload);
            // Pieces of 512..1536 bytes: at most 1536 bytes per read unless the kernel joins pieces.
            assertThat(reads).isGreaterThan(payload.length / 1536 / 4);
        }
    }

    @Test
    void slicerWithoutVariationCutsExactlyToTheAverage() {
        SlicerStage stage = new SlicerStage(null, Toxic.created(new ToxicSpec("s", ToxicType.SLICER, Stream.DOWNSTREAM,
                1.0, java.util.Map.of("average_size", 1L, "size_variation", 0L, "delay", 0L), Scope.ANY), 1));
        List<Integer> sizes = new ArrayList<>();

        stage.cut(24, sizes);

        assertThat(sizes).hasSize(24).containsOnly(1);
    }

    @Test
    void timeoutZeroHoldsTheConnectionUntilTheToxicIsRemoved() throws IOException {
        String listen = api.proxy("hold", echo.address());
        api.toxic("hold", "{\"name\":\"t\",\"type\":\"timeout\",\"attributes\":{\"timeout\":0}}");

        try (Socket socket = Wire.connect(listen)) {
            Wire.send(socket, "lost");
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            api.call("DELETE", "/proxies/hold/toxics/t", null);

            socket.setSoTimeout(1_000);
            assertThat(Wire.readsEndOfStream(socket)).isTrue();
        }
    }

    /**
     * Runs a timed behaviour three times: every run must respect the lower bound (a toxic never acts early), the
     * best run the upper bound (a busy CI box may delay one run, not all three).
     */
    private static void bestOfThree(long lowest, long highest, TimedRun run) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            times.add(run.millis());
        }
        assertThat(times).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(lowest));
        assertThat(times.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(highest);
    }

    @FunctionalInterface
    private interface TimedRun {
        long millis() throws Exception;
    }

    @Test
    void timeoutClosesAfterItsDelay() throws Exception {
        String listen = api.proxy("close", echo.address());
        api.toxic("close", "{\"type\":\"timeout\",\"attributes\":{\"timeout\":200}}");

        // Never early; at most 25 ms late in the best of three.
        bestOfThree(195, 225, () -> {
            try (Socket socket = Wire.connect(listen)) {
                long start = System.nanoTime();
                Wire.send(socket, "x");
                assertThat(Wire.readsEndOfStream(socket)).isTrue();
                return millisSince(start);
            }
        });
    }

    @Test
    void resetPeerResetsBothSidesAfterItsTimeout() throws Exception {
        String listen = api.proxy("rst", echo.address());
        api.toxic("rst", "{\"type\":\"reset_peer\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":100}}");

        // Toxiproxy: [100, 110] ms; here +15 ms for a loaded CI, in the best of three runs.
        bestOfThree(100, 125, () -> {
            try (Socket socket = Wire.connect(listen)) {
                long start = System.nanoTime();
                Wire.send(socket, "x");
                assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class)
                        .hasMessageContaining("reset");
                return millisSince(start);
            }
        });
    }

    @Test
    void resetPeerAtToxicityZeroLeavesOrdinaryClosesAlone() throws IOException {
        // Toxiproxy's #603: there, any reset_peer toxic turns every close into an RST.
        try (EchoServer closer = new EchoServer(EchoServer.Mode.COUNT, "")) {
            String listen = api.proxy("calm", closer.address());
            api.toxic("calm", "{\"type\":\"reset_peer\",\"toxicity\":0,\"attributes\":{\"timeout\":0}}");
            try (Socket socket = Wire.connect(listen)) {
                Wire.send(socket, "x");
                socket.shutdownOutput();
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void limitDataForwardsExactlyThatManyBytesThenCloses() throws IOException {
        String listen = api.proxy("limit", echo.address());
        api.toxic("limit", "{\"type\":\"limit_data\",\"attributes\":{\"bytes\":1000}}");
        byte[] payload = new byte[5000];
        Arrays.fill(payload, (byte) 'a');

        try (Socket socket = Wire.connect(listen)) {
            socket.getOutputStream().write(payload);
            byte[] got = Wire.readToEnd(socket, 10_000);
            assertThat(got).hasSize(1000);
        }
    }

    @Test
    void slowCloseHoldsTheEndOfTheStream() throws Exception {
        String listen = api.proxy("slow", echo.address());
        api.toxic("slow", "{\"type\":\"slow_close\",\"attributes\":{\"delay\":300}}");

        bestOfThree(295, 330, () -> {
            try (Socket socket = Wire.connect(listen)) {
                Wire.send(socket, "bye");
                assertThat(Wire.read(socket, 3)).isEqualTo("bye");
                long start = System.nanoTime();
                socket.shutdownOutput();
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
                return millisSince(start);
            }
        });
    }

    @Test
    void toxicityIsRolledPerConnection() throws IOException {
        String listen = api.proxy("half", echo.address());
        api.toxic("half", "{\"type\":\"limit_data\",\"toxicity\":0.5,\"attributes\":{\"bytes\":0}}");
        int cut = 0;
        int connections = 200;
        for (int i = 0; i < connections; i++) {
            try (Socket socket = Wire.connect(listen)) {
                Wire.send(socket, "?");
                if (Wire.readToEnd(socket, 1).length == 0) {
                    cut++;
                }
            }
        }
        // Binomial(200, 0.5): mean 100, sd 7; 4.3 sd either side.
        assertThat(cut).isBetween(70, 130);
    }

    @Test
    void toxicsChangeOnOpenConnections() throws IOException {
        String listen = api.proxy("live", echo.address());
        try (Socket socket = Wire.connect(listen)) {
            assertThat(medianRoundTrip(socket, 3)).isLessThan(50);

            api.toxic("live", "{\"name\":\"l\",\"type\":\"latency\",\"attributes\":{\"latency\":120}}");
            assertThat(medianRoundTrip(socket, 3)).isBetween(120L, 140L);

            api.call("PATCH", "/proxies/live/toxics/l", "{\"attributes\":{\"latency\":60}}");
            assertThat(medianRoundTrip(socket, 3)).isBetween(60L, 80L);

            api.call("DELETE", "/proxies/live/toxics/l", null);
            assertThat(medianRoundTrip(socket, 3)).isLessThan(50);
        }
    }

    @Test
    void packetLossDropsChunks() throws IOException {
        String listen = api.proxy("loss", echo.address());
        api.toxic("loss", "{\"type\":\"packet_loss\",\"stream\":\"upstream\",\"attributes\":{\"loss_rate\":1.0}}");

        try (Socket socket = Wire.connect(listen)) {
            Wire.send(socket, "gone");
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(echo.received.get()).isZero();
    }
}
