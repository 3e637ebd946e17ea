import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The connection is handed to a reply wrapper only after the body was sent: it had connected by then, so nothing
 * the wrapper does can give it a connect timeout any more.
 */
class EventPublisher {
    Reply publish(URL hub, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) hub.openConnection(); // expect: java/http-client-no-timeout
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        try (OutputStream body = connection.getOutputStream()) {
            body.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return new Reply(connection);
    }

    record Reply(HttpURLConnection connection) {
    }
}
