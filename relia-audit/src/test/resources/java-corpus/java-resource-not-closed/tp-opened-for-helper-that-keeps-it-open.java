import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Opens archives and files for helpers of the same class that read them and leave them open: each plugin jar
 * scanned stays open until the collector happens to run.
 */
class PluginIndex {
    private final List<String> names = new ArrayList<>();
    private final Properties settings = new Properties();

    void index(File plugin) throws IOException {
        listEntries(new JarFile(plugin)); // expect: java/resource-not-closed
    }

    void configure(File plugin) throws IOException {
        JarFile archive = new JarFile(plugin); // expect: java/resource-not-closed
        loadSettings(archive);
    }

    private void listEntries(JarFile jar) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            names.add(entries.nextElement().getName());
        }
    }

    private void loadSettings(JarFile jar) throws IOException {
        JarEntry entry = jar.getJarEntry("plugin.properties");
        if (entry != null) {
            try (InputStream in = jar.getInputStream(entry)) {
                settings.load(in);
            }
        }
    }
}
