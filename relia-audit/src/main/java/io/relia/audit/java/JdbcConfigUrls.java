package io.relia.audit.java;

import io.relia.audit.DevelopmentFiles;
import io.relia.core.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs written in configuration ({@code .properties} files and YAML: {@code spring.datasource.url},
 * {@code db.url}, {@code jdbcUrl: ...}) that lack the read timeout their driver leaves infinite ({@link JdbcDrivers}).
 * The files of one directory are one configuration (a profile file may set what the base file does not), and a
 * timeout property set there in any form counts: as a URL parameter, a pool's {@code connectionProperties} or
 * {@code data-source-properties.socketTimeout}, or a driver-specific key. Where the URL ends up is not traced, so only
 * the read timeout is asked for (a pool bounds the connect with its login timeout); HikariCP's
 * {@code connectionTimeout} is the wait for a pooled connection, not a socket timeout, and does not count.
 * Not judged: comments, URLs whose query string or whole value comes from a placeholder, H2/HSQLDB/Derby and other
 * embedded drivers (not in the table), and files for development ({@link DevelopmentFiles}: examples, samples and
 * demos, Docker Compose files by name or content, and profiles that do not run in production: local, dev, test).
 */
final class JdbcConfigUrls {

    /** A URL found in a configuration file that lacks a needed timeout. */
    record Missing(Location at, JdbcDrivers.Driver driver, List<String> missing, String key) {
        Missing {
            missing = List.copyOf(missing);
        }
    }

    private static final Pattern URL = Pattern.compile("jdbc:[A-Za-z0-9]+:[^\\s\"'<>,]*");

    private JdbcConfigUrls() {
    }

    /**
     * The URLs of {@code configurations} (files under {@code root}) missing a timeout that neither their directory's
     * configuration nor {@code elsewhere} (timeout properties the Java code sets, as {@code name=;} text) sets.
     */
    static List<Missing> find(Path root, List<ServiceFiles.Text> configurations, String elsewhere) {
        Map<Path, StringBuilder> settings = new LinkedHashMap<>();
        for (ServiceFiles.Text text : configurations) {
            StringBuilder directory = settings.computeIfAbsent(directory(text), ignored -> new StringBuilder(";"));
            text.lines().stream().filter(line -> !comment(line)).forEach(line -> directory.append(line.toLowerCase(
                    Locale.ROOT)).append(';').append(normalised(line)).append(';'));
        }
        List<Missing> found = new ArrayList<>();
        for (ServiceFiles.Text text : configurations) {
            if (!DevelopmentFiles.isDevelopment(root, text.path(), text.lines())) {
                String known = settings.get(directory(text)) + elsewhere;
                for (int index = 0; index < text.lines().size(); index++) {
                    urlIn(text, index, known).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static Optional<Missing> urlIn(ServiceFiles.Text text, int index, String known) {
        // Properties files may escape the colons: jdbc\:mysql\://db\:3306/orders
        String line = text.lines().get(index).replace("\\:", ":").replace("\\=", "=");
        if (comment(line)) {
            return Optional.empty();
        }
        Matcher url = URL.matcher(line);
        if (!url.find()) {
            return Optional.empty();
        }
        String before = line.substring(0, url.start());
        String value = url.group().replaceAll("}+$", "");
        // ${DB_URL:jdbc:mysql://...}: the URL is a fallback the environment replaces; ?${PARAMS}: set elsewhere
        boolean placeholder = before.lastIndexOf("${") > before.lastIndexOf('}');
        int query = Math.max(value.indexOf('?'), value.indexOf('&'));
        if (placeholder || query >= 0 && value.indexOf("${", query) >= 0) {
            return Optional.empty();
        }
        return JdbcDrivers.of(value).flatMap(driver -> {
            List<String> missing = driver.missing(value + ";" + known, false);
            String key = before.replaceAll("[\\s\"'=:-]+$", "").strip();
            return missing.isEmpty() ? Optional.empty() : Optional.of(new Missing(Location.of(text.path(),
                    index + 1, url.start() + 1), driver, missing, key));
        });
    }

    /**
     * A line as the timeout lookup reads it: lower case, {@code -} and {@code _} dropped, and {@code key: value}
     * turned into {@code key=value}, so {@code socket-timeout: 30s} and {@code socketTimeout=30000} both read
     * {@code sockettimeout=}. The key's last segment is kept on its own too ({@code ...properties.sockettimeout=}).
     */
    private static String normalised(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")
                .replaceFirst("^([\\w.\\[\\]]+)\\s*[:=]\\s*", "$1=");
        int equals = lower.indexOf('=');
        int dot = equals < 0 ? -1 : lower.lastIndexOf('.', equals);
        return dot < 0 ? lower : lower + ";" + lower.substring(dot + 1);
    }

    private static boolean comment(String line) {
        String stripped = line.strip();
        return stripped.startsWith("#") || stripped.startsWith("!") || stripped.startsWith("//");
    }

    private static Path directory(ServiceFiles.Text text) {
        Path parent = text.path().toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
