import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

class Fetcher {
    byte[] fetch(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); // expect: java/http-client-no-timeout
        connection.setConnectTimeout(2_000);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
