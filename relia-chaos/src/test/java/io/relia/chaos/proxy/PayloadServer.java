package io.relia.chaos.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upstream on 127.0.0.1 that ends its streams on purpose, for tests of what reaches the other side before an
 * end: it sends a payload and closes, reads to the end and then echoes everything, or answers HTTP/1.0 with a body
 * delimited by the close. Each connection gets a virtual thread; reads time out so no test waits forever.
 */
final class PayloadServer implements AutoCloseable {
    /** What the server does with each connection. */
    enum Mode {
        /** Writes the payload, then closes: the end of the stream is the only delimiter. */
        SEND_AND_CLOSE,
        /** Reads until the client half-closes, then writes back everything it read and closes. */
        ECHO_AFTER_EOF,
        /** Reads an HTTP request head, answers {@code HTTP/1.0 200} with the payload as body, then closes. */
        HTTP_10
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Mode mode;
    private final byte[] payload;
    /** Payload bytes the server got into its sockets so far, over all connections. */
    final AtomicLong sent = new AtomicLong();

    PayloadServer(Mode mode, byte[] payload) throws IOException {
        this.mode = mode;
        this.payload = payload.clone();
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(Wire.READ_TIMEOUT_MILLIS);
            switch (mode) {
                case SEND_AND_CLOSE -> writePayload(out);
                case ECHO_AFTER_EOF -> out.write(in.readAllBytes());
                case HTTP_10 -> {
                    readRequestHead(in);
                    out.write(("HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    writePayload(out);
                }
            }
            out.flush();
        } catch (IOException e) {
            // the client went away: the test that made it fail says so
        } finally {
            sockets.remove(socket);
        }
    }

    private void writePayload(OutputStream out) throws IOException {
        for (int from = 0; from < payload.length; from += 64 * 1024) {
            int length = Math.min(64 * 1024, payload.length - from);
            out.write(payload, from, length);
            sent.addAndGet(length);
        }
    }

    /** Reads up to and including the blank line that ends a request head (at most 64 KiB). */
    private static void readRequestHead(InputStream in) throws IOException {
        int last4 = 0;
        for (int i = 0, b; i < 64 * 1024 && (b = in.read()) >= 0; i++) {
            last4 = last4 << 8 | b;
            if (last4 == 0x0d0a0d0a) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
