import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

// Reads on this transport are bounded elsewhere, but connect(address) has no timeout: an unreachable host holds the
// caller until the kernel stops retrying its SYN (about two minutes on Linux). Reported at Low.
class RpcTransport {
    Socket open(SocketAddress address) throws IOException {
        Socket socket = SocketChannel.open().socket();
        socket.setTcpNoDelay(true);
        socket.connect(address); // expect: java/blocking-without-deadline
        return socket;
    }
}
