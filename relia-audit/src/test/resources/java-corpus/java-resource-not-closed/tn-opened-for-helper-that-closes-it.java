import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** Helpers of the same class that close what they are given, keep it, or pass it to code that may close it. */
class ArchiveCatalog {
    private final List<JarFile> open = new ArrayList<>();
    private final Closer closer;

    ArchiveCatalog(Closer closer) {
        this.closer = closer;
    }

    void count(File archive) throws IOException {
        countEntries(new JarFile(archive));
    }

    void keep(File archive) throws IOException {
        register(new JarFile(archive));
    }

    void release(File archive) throws IOException {
        JarFile jar = new JarFile(archive);
        handOff(jar);
    }

    private int countEntries(JarFile jar) throws IOException {
        try (jar) {
            return jar.size();
        }
    }

    private void register(JarFile jar) {
        open.add(jar);
    }

    private void handOff(JarFile jar) {
        closer.later(jar);
    }

    interface Closer {
        void later(JarFile jar);
    }
}
