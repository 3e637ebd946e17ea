import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;

// The untimed connect is the branch a user picks by configuring a negative timeout: a deliberate setting, not an
// oversight; the default path connects with a timeout.
class ConfigurableTransport {
    private int connectionTimeoutMs = 30_000;

    void connect(Socket socket, SocketAddress remote) throws IOException {
        socket.setSoTimeout(60_000);
        if (connectionTimeoutMs >= 0) {
            socket.connect(remote, connectionTimeoutMs);
        } else {
            socket.connect(remote);
        }
    }
}
