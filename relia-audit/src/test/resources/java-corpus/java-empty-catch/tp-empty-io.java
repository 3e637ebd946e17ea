import java.io.Closeable;
import java.io.IOException;

class Closer {
    void close(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) { } // expect: java/empty-catch
    }
}
