import java.io.FileInputStream;
import java.io.IOException;

class Safe {
    int firstByte(String path) throws IOException {
        try (FileInputStream in = new FileInputStream(path)) {
            return in.read();
        }
    }
}
