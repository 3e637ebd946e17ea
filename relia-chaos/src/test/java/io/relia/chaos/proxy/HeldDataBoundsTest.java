package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What toxics hold per connection is bounded in pieces as well as bytes: a slicer cutting into 1-byte pieces would
 * otherwise take 16 Mi pieces (about 2 GB of objects) before the 16 MiB byte bound paused reading.
 */
@Tag("integration")
class HeldDataBoundsTest extends ProxyTestSupport {
    private static final int CHUNK = 64 * 1024;

    @Test
    void slicerCuttingIntoSingleBytesPausesReadingAtThePieceBound() throws Exception {
        try (EchoServer sink = new EchoServer(EchoServer.Mode.COUNT, "");
             ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor()) {
            String listen = api.proxy("tiny", sink.address());
            // 1-byte pieces 1 ms apart: 1 KB/s, so nearly everything the client sends has to wait.
            api.toxic("tiny", "{\"type\":\"slicer\",\"stream\":\"upstream\",\"attributes\":{\"average_size\":1,"
                    + "\"delay\":1000}}");
            AtomicLong written = new AtomicLong();
            try (Socket client = Wire.connect(listen)) {
                writer.execute(() -> {
                    byte[] chunk = new byte[CHUNK];
                    try {
                        OutputStream out = client.getOutputStream();
                        for (int i = 0; i < 256; i++) {
                            out.write(chunk);
                            written.addAndGet(CHUNK);
                        }
                    } catch (IOException closed) {
                        // the test closed the socket while this write was blocked
                    }
                });
                long read = awaitSteadyRead("tiny");

                // At most the piece bound plus one read's pieces are taken from the socket.
                assertThat(read).isLessThanOrEqualTo(Link.PAUSE_CHUNKS + 2L * CHUNK);
                assertThat(written.get()).as("what the client got into the sockets meanwhile")
                        .isGreaterThan(read + 4L * CHUNK);
            }
        }
    }

    @Test
    void httpProxyReadsAResponseOnlyAsFastAsTheClientTakesIt() throws Exception {
        byte[] body = new byte[64 * 1024 * 1024];
        try (PayloadServer upstream = new PayloadServer(PayloadServer.Mode.HTTP_10, body)) {
            String listen = api.json("POST", "/proxies", "{\"name\":\"web\",\"listen\":\"127.0.0.1:0\","
                    + "\"upstream\":\"" + upstream.address() + "\",\"mode\":\"http\"}").get("listen").asString();
            try (Socket client = Wire.connect(listen)) {
                Wire.send(client, "GET /big HTTP/1.0\r\nHost: test\r\n\r\n");
                // The client reads nothing: what the server got out must stop at what the sockets hold.
                long sent = awaitSteady(upstream.sent::get);

                assertThat(sent).as("bytes of a 64 MiB body the server could send").isLessThan(body.length / 4);
            }
        }
    }

    /** A count once it stopped growing for 10 polls (at most 300 polls). */
    private static long awaitSteady(java.util.function.LongSupplier count) throws InterruptedException {
        long last = -1;
        int steady = 0;
        for (int i = 0; i < 300 && steady < 10; i++) {
            Thread.sleep(50);
            long now = count.getAsLong();
            steady = now == last ? steady + 1 : 0;
            last = now;
        }
        return last;
    }

    /** Bytes the proxy read from the client once that stopped growing for 10 polls (at most 300 polls). */
    private long awaitSteadyRead(String proxy) throws InterruptedException {
        long last = -1;
        int steady = 0;
        for (int i = 0; i < 300 && steady < 10; i++) {
            Thread.sleep(50);
            var connections = api.json("GET", "/proxies/" + proxy + "/connections", null);
            long read = connections.isEmpty() ? 0 : connections.get(0).get("bytes").get("upstream").asLong();
            steady = read == last ? steady + 1 : 0;
            last = read;
        }
        return last;
    }
}
