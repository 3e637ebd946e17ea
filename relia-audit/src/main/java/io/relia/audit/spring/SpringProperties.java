package io.relia.audit.spring;

import io.relia.core.Location;
import io.relia.core.files.InputFiles;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The flattened properties of one Spring config file ({@code application*.yml} or {@code .properties}), keyed by
 * their relaxed-binding form ({@code spring.datasource.hikari.connectiontimeout} for {@code connection-timeout},
 * {@code connectionTimeout} and {@code connection_timeout}), each with its value and where it is written.
 *
 * @param file       the file
 * @param properties relaxed key to property
 */
public record SpringProperties(Path file, Map<String, Property> properties) {

    /**
     * One property as written.
     *
     * @param key      the key as written, dotted
     * @param value    its value
     * @param location where the key is written
     */
    public record Property(String key, String value, Location location) {
    }

    public SpringProperties {
        properties = Map.copyOf(properties);
    }

    public Optional<Property> get(String key) {
        return Optional.ofNullable(properties.get(relaxed(key)));
    }

    /** True when some key starts with {@code prefix} (dotted, relaxed). */
    public boolean hasPrefix(String prefix) {
        String relaxed = relaxed(prefix) + ".";
        return properties.keySet().stream().anyMatch(key -> key.startsWith(relaxed));
    }

    /** The first property under {@code prefix}, in file order. */
    public Optional<Property> firstUnder(String prefix) {
        String relaxed = relaxed(prefix) + ".";
        return properties.entrySet().stream().filter(entry -> entry.getKey().startsWith(relaxed))
                .map(Map.Entry::getValue).min((a, b) -> a.location().compareTo(b.location()));
    }

    /** The distinct names directly under {@code prefix} ({@code instances} of {@code resilience4j.retry.instances}). */
    public List<String> childrenOf(String prefix) {
        String relaxed = relaxed(prefix) + ".";
        return properties.keySet().stream().filter(key -> key.startsWith(relaxed))
                .map(key -> key.substring(relaxed.length()))
                .map(rest -> rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest)
                .distinct().sorted().toList();
    }

    /** A key in its relaxed-binding form: lower case, without dashes and underscores. */
    public static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /**
     * Reads a Spring config input: its YAML documents, or a {@code .properties} file.
     *
     * @throws IOException when a properties file cannot be read
     */
    public static SpringProperties of(DiscoveredInput input) throws IOException {
        Map<String, Property> properties = new LinkedHashMap<>();
        if (input.documents().isEmpty()) {
            readProperties(input.path(), properties);
        } else {
            for (SpecDocument document : input.documents()) {
                flatten("", document.root(), properties);
            }
        }
        return new SpringProperties(input.path(), properties);
    }

    private static void flatten(String prefix, Node node, Map<String, Property> properties) {
        switch (node) {
            case MapNode map -> map.entries().forEach((key, entry) -> {
                String dotted = prefix.isEmpty() ? key : prefix + "." + key;
                if (entry.value() instanceof ScalarNode scalar) {
                    properties.putIfAbsent(relaxed(dotted), new Property(dotted, scalar.isNull() ? "" : scalar.text(),
                            entry.key().location()));
                } else {
                    flatten(dotted, entry.value(), properties);
                }
            });
            case ListNode list -> {
                for (int i = 0; i < list.size(); i++) {
                    Node item = list.get(i);
                    String indexed = prefix + "[" + i + "]";
                    if (item instanceof ScalarNode scalar) {
                        properties.putIfAbsent(relaxed(indexed), new Property(indexed, scalar.text(),
                                scalar.location()));
                    } else {
                        flatten(indexed, item, properties);
                    }
                }
            }
            case ScalarNode scalar -> {
                // a bare scalar document holds no properties
            }
        }
    }

    /** Values through {@link Properties} (escapes, continuations); lines by scanning the text for each key. */
    private static void readProperties(Path file, Map<String, Property> properties) throws IOException {
        String text = InputFiles.readString(file, StandardCharsets.ISO_8859_1, InputFiles.MAX_BYTES);
        Properties values = new Properties();
        values.load(new StringReader(text));
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].stripLeading();
            if (row.isEmpty() || row.startsWith("#") || row.startsWith("!")) {
                continue;
            }
            int end = 0;
            while (end < row.length() && "=: \t".indexOf(row.charAt(end)) < 0) {
                end++;
            }
            lines.putIfAbsent(row.substring(0, end), i + 1);
        }
        for (String key : values.stringPropertyNames()) {
            int line = lines.getOrDefault(key, 0);
            int column = line == 0 ? 0 : rows[line - 1].indexOf(key) + 1;
            properties.put(relaxed(key), new Property(key, values.getProperty(key).strip(),
                    Location.of(file, line, column)));
        }
    }
}
