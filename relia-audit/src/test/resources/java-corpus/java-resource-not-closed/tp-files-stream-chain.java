import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SpoolDirectory {
    long pendingBatches(Path spool) throws IOException {
        // the directory handle behind Files.list stays open until the stream is closed
        return Files.list(spool).filter(p -> p.toString().endsWith(".batch")).count(); // expect: java/resource-not-closed
    }

    List<String> header(Path csv) throws IOException {
        return Files.lines(csv).limit(1).toList(); // expect: java/resource-not-closed
    }
}
