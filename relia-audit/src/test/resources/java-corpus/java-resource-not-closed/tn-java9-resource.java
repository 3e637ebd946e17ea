import java.io.IOException;
import java.net.Socket;

class Java9 {
    void send(String host, byte[] payload) throws IOException {
        // Closed, but connected without a timeout: java/blocking-without-deadline reports that, at Low.
        Socket socket = new Socket(host, 9000); // expect: java/blocking-without-deadline
        try (socket) {
            socket.getOutputStream().write(payload);
        }
    }
}
