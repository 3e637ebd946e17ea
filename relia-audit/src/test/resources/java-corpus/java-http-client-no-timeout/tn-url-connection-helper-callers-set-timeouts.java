import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * The helper returns a bare connection, but its caller in this file sets both timeouts before reading; a second
 * helper that nobody in this file calls hands its connection to code the file does not show.
 */
class ArtifactsApi {
    byte[] artifact(URL endpoint) throws IOException {
        HttpURLConnection connection = open(endpoint);
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(30_000);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    HttpURLConnection open(URL url) throws IOException {
        return (HttpURLConnection) url.openConnection();
    }

    public HttpURLConnection openForPlugins(URL url) throws IOException {
        return (HttpURLConnection) url.openConnection();
    }
}
