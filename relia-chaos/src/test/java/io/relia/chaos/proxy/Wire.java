package io.relia.chaos.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Small blocking socket helpers for proxy tests; every read has a timeout. */
final class Wire {
    static final int READ_TIMEOUT_MILLIS = 5_000;

    private Wire() {
    }

    static Socket connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1))), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code length} bytes, or fewer if the stream ends. */
    static String read(Socket socket, int length) throws IOException {
        return new String(readBytes(socket, length), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(Socket socket, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[Math.min(length, 64 * 1024)];
        while (out.size() < length) {
            int n = socket.getInputStream().read(buffer, 0, Math.min(buffer.length, length - out.size()));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads until the stream ends, at most {@code limit} bytes. */
    static byte[] readToEnd(Socket socket, int limit) throws IOException {
        return readBytes(socket, limit);
    }

    static String roundTrip(String hostPort, String text) throws IOException {
        try (Socket socket = connect(hostPort)) {
            send(socket, text);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            return readExpecting(socket, expected.length);
        }
    }

    private static String readExpecting(Socket socket, int atLeast) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (out.size() < atLeast) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            if (socket.getInputStream().available() == 0 && out.size() >= atLeast) {
                break;
            }
        }
        // Prefixing servers answer more than was sent: take what is already there.
        socket.setSoTimeout(50);
        try {
            int n;
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException enough) {
            // nothing more came
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** True when the peer closed (EOF or reset) within the read timeout. */
    static boolean readsEndOfStream(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
