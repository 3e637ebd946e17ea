import java.io.FileInputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

class ArchivedSettings {
    int magic(String archive) throws IOException {
        GZIPInputStream unzipped = new GZIPInputStream(new FileInputStream(archive)); // expect: java/resource-not-closed
        return unzipped.read();
    }

    Properties defaults(String file) throws IOException {
        Properties settings = new Properties();
        settings.load(new FileInputStream(file)); // expect: java/resource-not-closed
        return settings;
    }
}
