import java.io.IOException;
import java.net.Socket;

class Java9 {
    void send(String host, byte[] payload) throws IOException {
        Socket socket = new Socket(host, 9000);
        try (socket) {
            socket.getOutputStream().write(payload);
        }
    }
}
