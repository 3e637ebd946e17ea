import java.io.Closeable;
import java.io.IOException;

class QuietCloser {
    void close(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // best effort: the response was already sent
        }
    }
}
