import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

class Probe {
    boolean reachable(String host, int port) throws IOException {
        Socket socket = new Socket(); // expect: java/resource-not-closed
        socket.connect(new InetSocketAddress(host, port), 2_000);
        return socket.isConnected();
    }
}
