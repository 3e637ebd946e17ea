package io.relia.audit.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection pool behind {@code spring.datasource}, and the property that bounds how long a request waits for a
 * pooled connection, with the pool's own default. Told by {@code spring.datasource.type}, else by which pool's
 * namespace the configuration uses, else by the pool dependency in the nearest pom.xml or build.gradle(.kts); Spring
 * Boot's default, HikariCP, otherwise.
 *
 * <p>Defaults (pool documentation): HikariCP connectionTimeout 30 000 ms; Tomcat JDBC pool maxWait 30 000 ms;
 * Commons DBCP2 BasicDataSource maxWait -1 (wait indefinitely); Alibaba Druid maxWait -1 (wait indefinitely).
 */
record DatasourcePool(String name, String namespace, String waitProperty, String defaultWait, boolean waitsForever,
                      String source) {

    private static final List<DatasourcePool> KNOWN = List.of(
            new DatasourcePool("HikariCP", "hikari", "connection-timeout", "30 s", false, ""),
            new DatasourcePool("the Tomcat JDBC pool", "tomcat", "max-wait", "30 s", false, ""),
            new DatasourcePool("Commons DBCP2", "dbcp2", "max-wait", "-1, wait indefinitely", true, ""),
            new DatasourcePool("Druid", "druid", "max-wait", "-1, wait indefinitely", true, ""));
    /** The artifact that brings each pool, in the order of KNOWN. */
    private static final List<String> ARTIFACTS = List.of("HikariCP", "tomcat-jdbc", "commons-dbcp2", "druid");
    /** Older names of the wait property that Spring Boot still binds (DBCP2 max-wait-millis in Boot 2). */
    private static final List<String> ALIASES = List.of("max-wait-millis");

    /** The pool the files (one configuration directory) use; {@code root} bounds the search for a build file. */
    static DatasourcePool of(List<SpringProperties> files, Path directory, Path root) {
        Optional<String> type = files.stream().flatMap(file -> file.get("spring.datasource.type").stream())
                .map(property -> property.value().toLowerCase(Locale.ROOT)).findFirst();
        for (DatasourcePool pool : KNOWN) {
            if (type.filter(value -> value.contains(pool.namespace())).isPresent()) {
                return pool.from("spring.datasource.type");
            }
        }
        for (DatasourcePool pool : KNOWN) {
            if (type.isEmpty() && files.stream().anyMatch(file -> file.hasPrefix(pool.prefix()))) {
                return pool.from(pool.prefix() + ".*");
            }
        }
        if (type.isEmpty()) {
            Optional<String> build = buildFile(directory, root);
            for (int index = 1; index < KNOWN.size() && build.isPresent(); index++) {
                if (build.get().contains(ARTIFACTS.get(index))) {
                    return KNOWN.get(index).from("its dependency in the build file");
                }
            }
        }
        return KNOWN.get(0).from("Spring Boot's default");
    }

    /** {@code spring.datasource.<namespace>} */
    String prefix() {
        return "spring.datasource." + namespace;
    }

    /** True when some file sets this pool's wait property (or an alias). */
    boolean waitSet(List<SpringProperties> files) {
        return files.stream().anyMatch(file -> file.get(prefix() + "." + waitProperty).isPresent()
                || ALIASES.stream().anyMatch(alias -> file.get(prefix() + "." + alias).isPresent()));
    }

    private DatasourcePool from(String how) {
        return new DatasourcePool(name, namespace, waitProperty, defaultWait, waitsForever, how);
    }

    /** The text of the nearest pom.xml/build.gradle(.kts) at or above {@code directory}, not above {@code root}. */
    private static Optional<String> buildFile(Path directory, Path root) {
        Path top = root.toAbsolutePath().normalize();
        for (Path at = directory; at != null && at.startsWith(top); at = at.getParent()) {
            for (String name : List.of("pom.xml", "build.gradle", "build.gradle.kts")) {
                Path candidate = at.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    try {
                        return Optional.of(Files.readString(candidate));
                    } catch (IOException unreadable) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
