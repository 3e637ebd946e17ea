import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;

// A port probe on the loopback interface: the local kernel accepts or refuses at once, there are no SYN retries to
// wait out, and nothing is read.
class Ports {
    static boolean isFree(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
