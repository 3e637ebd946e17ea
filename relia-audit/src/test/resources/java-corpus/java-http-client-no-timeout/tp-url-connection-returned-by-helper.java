import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;

/** A helper only opens and returns the connection; its callers here read from it without any timeout. */
class JobsApi {
    String job(URL endpoint) throws IOException {
        HttpURLConnection connection = open(endpoint);
        connection.setRequestMethod("GET");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream()))) {
            return reader.readLine();
        }
    }

    HttpURLConnection open(URL url) throws IOException {
        return (HttpURLConnection) url.openConnection(); // expect: java/http-client-no-timeout
    }
}
