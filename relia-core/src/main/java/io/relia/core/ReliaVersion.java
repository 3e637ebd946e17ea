package io.relia.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Relia's version, from the properties file Maven writes into the command's jar at build time. */
public final class ReliaVersion {
    private ReliaVersion() {
    }

    /** The version, or {@code unknown} when running outside the built command (tests, IDE). */
    public static String get() {
        try (InputStream in = ReliaVersion.class.getResourceAsStream("/relia-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
