import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

// Sockets a reviewer would pass: connected with a timeout and read with SO_TIMEOUT; one only written to (a write
// does not wait for the peer to answer); one handed to a wrapper that bounds its reads.
class Probes {
    byte[] ask(String host, int port, byte[] question) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(question);
            try (InputStream in = socket.getInputStream()) {
                return in.readNBytes(64);
            }
        }
    }

    void tell(String host, int port, byte[] message) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2_000);
        try (OutputStream out = socket.getOutputStream()) {
            out.write(message);
        }
    }

    InputStream bounded(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 2_000);
        return TimedStreams.input(socket, 30_000);
    }

    static final class TimedStreams {
        static InputStream input(Socket socket, long timeoutMs) throws IOException {
            return socket.getInputStream();
        }
    }
}
