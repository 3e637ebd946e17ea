import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

class SnapshotFiles {
    // the caller gets the stream open on purpose, but a corrupt header makes the GZIP constructor throw and the
    // file handle is then held by nobody
    static InputStream open(File snapshot) throws IOException {
        FileInputStream raw = new FileInputStream(snapshot); // expect: java/resource-not-closed
        if (snapshot.getName().endsWith(".gz")) {
            return new GZIPInputStream(raw);
        }
        return new BufferedInputStream(raw);
    }
}
