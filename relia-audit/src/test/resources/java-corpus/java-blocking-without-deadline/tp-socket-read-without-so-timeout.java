import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

// An agent's connection to its controller, opened by a helper and read by a thread that waits for commands. With no
// SO_TIMEOUT, a controller that loses power (no FIN, no RST) leaves readLine() waiting forever.
class AgentLink {
    private final String host;
    private final int port;

    AgentLink(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void serve() throws IOException {
        Socket socket = open();
        try (BufferedReader commands = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                handle(line);
            }
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(host, port); // expect: java/blocking-without-deadline
        socket.setTcpNoDelay(true);
        return socket;
    }

    private void handle(String command) {
    }
}
