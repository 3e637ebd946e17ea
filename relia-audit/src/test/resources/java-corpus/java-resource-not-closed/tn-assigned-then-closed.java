import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.net.HttpURLConnection;
import java.util.zip.GZIPInputStream;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;

class AssignedLater {
    private static final RequestConfig TIMEOUTS = RequestConfig.custom().setConnectTimeout(2_000)
            .setSocketTimeout(5_000).build();

    private CloseableHttpClient shared;

    // opened after the declaration, closed in finally
    int probe(String link) throws IOException {
        CloseableHttpClient client = null;
        try {
            client = HttpClientBuilder.create().setDefaultRequestConfig(TIMEOUTS).build();
            return client.hashCode();
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    // opened after the declaration and kept: the field's owner closes it
    void connect() {
        CloseableHttpClient client;
        client = HttpClientBuilder.create().setDefaultRequestConfig(TIMEOUTS).build();
        shared = client;
    }

    // the inflater is closed after reading
    int firstByte(HttpURLConnection conn) throws IOException {
        InputStream in = conn.getInputStream();
        in = new GZIPInputStream(in);
        try {
            return in.read();
        } finally {
            in.close();
        }
    }

    // the file is closed on the path where the header check throws
    static InputStream open(File snapshot) throws IOException {
        FileInputStream raw = new FileInputStream(snapshot);
        try {
            return new GZIPInputStream(raw);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    // a byte array holds no operating-system resource
    static Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
        InputStream in = new ByteArrayInputStream(bytes);
        return new ObjectInputStream(in).readObject();
    }
}
