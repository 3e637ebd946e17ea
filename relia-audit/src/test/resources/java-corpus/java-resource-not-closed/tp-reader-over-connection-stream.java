import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

class StatusPage {
    String headline(URL page) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) page.openConnection();
        conn.setConnectTimeout(2_000);
        conn.setReadTimeout(5_000);
        BufferedReader reader = new BufferedReader( // expect: java/resource-not-closed
                new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line.strip();
    }
}
