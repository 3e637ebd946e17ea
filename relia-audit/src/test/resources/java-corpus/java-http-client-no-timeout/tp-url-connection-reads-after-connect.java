import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/** connect() first, then the status line is read: that read waits forever without a read timeout. */
class StatusProbe {
    int status(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); // expect: java/http-client-no-timeout
        connection.setConnectTimeout(3_000);
        connection.connect();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
