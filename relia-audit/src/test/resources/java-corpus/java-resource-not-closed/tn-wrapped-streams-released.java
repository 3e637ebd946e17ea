import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.io.FileInputStream;

class FeedReader {
    private BufferedReader current;

    // returned: the caller closes it
    BufferedReader open(URL feed) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) feed.openConnection();
        conn.setConnectTimeout(1_000);
        conn.setReadTimeout(1_000);
        return new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
    }

    // stored in a field: closed by whoever owns the field
    void follow(URL feed) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) feed.openConnection();
        conn.setConnectTimeout(1_000);
        conn.setReadTimeout(1_000);
        BufferedReader reader = new BufferedReader(new InputStreamReader(conn.getInputStream(),
                StandardCharsets.UTF_8));
        this.current = reader;
    }

    // the decorator is closed in finally, which closes the file under it
    int firstByte(String path) throws IOException {
        GZIPInputStream in = new GZIPInputStream(new FileInputStream(path));
        try {
            return in.read();
        } finally {
            in.close();
        }
    }

    // a decorator over a stream the caller passed in: the caller owns and closes it
    String firstLine(InputStream body) throws IOException {
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine();
    }

    void close() throws IOException {
        current.close();
    }
}
