import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

// Reading the error stream of a failed upload is still a read on a connection that has no timeouts.
class Uploader {
    int upload(URL target, byte[] body, OutputStream errors) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) target.openConnection(); // expect: java/http-client-no-timeout
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        if (connection.getResponseCode() != 200) {
            Streams.copy(connection.getErrorStream(), errors);
        }
        return connection.getResponseCode();
    }

    static final class Streams {
        static void copy(InputStream in, OutputStream out) throws IOException {
            in.transferTo(out);
        }
    }
}
