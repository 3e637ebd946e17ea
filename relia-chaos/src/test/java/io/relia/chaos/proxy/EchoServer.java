package io.relia.chaos.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server on 127.0.0.1 for proxy tests: echoes what it reads, optionally prefixed, or only counts it.
 * Each connection gets a virtual thread; close() ends them all.
 */
final class EchoServer implements AutoCloseable {
    enum Mode { ECHO, COUNT }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Mode mode;
    private final byte[] prefix;
    final AtomicLong received = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    /** nanoTime when the byte count last grew. */
    volatile long lastReceiveNanos;

    EchoServer(Mode mode, String prefix) throws IOException {
        this.mode = mode;
        this.prefix = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    static EchoServer echo() throws IOException {
        return new EchoServer(Mode.ECHO, "");
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.addAndGet(n);
                lastReceiveNanos = System.nanoTime();
                if (mode == Mode.ECHO) {
                    if (prefix.length > 0) {
                        out.write(prefix);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        } finally {
            sockets.remove(socket);
        }
    }

    int openConnections() {
        return sockets.size();
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
