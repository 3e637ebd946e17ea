import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The connection goes to a shared configurer before anything is sent: that code, not shown here, may set both
 * timeouts in time, so nothing can be said about them.
 */
class ConfiguredPublisher {
    private final ConnectionSettings settings;

    ConfiguredPublisher(ConnectionSettings settings) {
        this.settings = settings;
    }

    int publish(URL hub, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) hub.openConnection();
        settings.apply(connection);
        connection.setDoOutput(true);
        try (OutputStream body = connection.getOutputStream()) {
            body.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return connection.getResponseCode();
    }

    interface ConnectionSettings {
        void apply(HttpURLConnection connection);
    }
}
