import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class Cleaner {
    void delete(List<Path> paths) {
        paths.forEach(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) { } // expect: java/empty-catch
        });
    }
}
