import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.io.IOUtils;

class Handover {
    private final Registry registry;

    Handover(Registry registry) {
        this.registry = registry;
    }

    // the registry keeps the stream and closes it on shutdown: ownership passes
    void watch(String path) throws IOException {
        registry.track(new FileInputStream(path));
    }

    // read to its end, a URLConnection stream goes back to the keep-alive cache
    String body(URL url) throws IOException {
        URLConnection conn = url.openConnection();
        conn.setConnectTimeout(1_000);
        conn.setReadTimeout(1_000);
        return IOUtils.toString(conn.getInputStream(), StandardCharsets.UTF_8);
    }

    // closed by a helper
    int first(String path) throws IOException {
        InputStream in = new FileInputStream(path);
        try {
            return in.read();
        } finally {
            IOUtils.closeQuietly(in);
        }
    }

    long entries(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.count();
        }
    }

    interface Registry {
        void track(InputStream stream);
    }
}
