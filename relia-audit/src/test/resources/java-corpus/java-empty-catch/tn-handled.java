import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class Reader {
    String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }
}
