package io.relia.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a configuration file is for a developer's machine rather than production, so
 * the configuration checks (JDBC URLs, secrets, actuator exposure) agree on it. A file is for development when,
 * inside the audited directory:
 * <ul>
 *     <li>a folder holds {@code example}, {@code sample}, {@code demo}, {@code tutorial}, {@code quickstart} or
 *     {@code benchmark} in its name ({@code mall-demo}, {@code spring-samples}), or is documentation
 *     ({@code docs});</li>
 *     <li>its name, split at {@code -}, {@code _} and {@code .}, has a part naming a profile that does not run in
 *     production: {@code local}, {@code dev}, {@code test}, {@code it}, {@code e2e}, {@code ci}, {@code h2},
 *     {@code sample(s)}, {@code example(s)}, {@code demo} ({@code application-dev.yml},
 *     {@code application-secret-samples.yml});</li>
 *     <li>it is a Docker Compose file, by name ({@code docker-compose.yml}, {@code compose.yaml}) or by content
 *     ({@link #isCompose}), which starts containers on one machine.</li>
 * </ul>
 */
public final class DevelopmentFiles {

    private static final Set<String> NON_PRODUCTION = Set.of("local", "dev", "development", "test", "tests",
            "testing", "it", "e2e", "ci", "h2", "example", "examples", "sample", "samples", "demo", "demos");
    /** Folders whose name holds one of these do not ship (tcc-transaction-tutorial-sample, spring-demo). */
    private static final List<String> NOT_SHIPPED_FOLDERS = List.of("example", "sample", "demo", "tutorial",
            "quickstart", "benchmark");
    private static final Set<String> DOCUMENTATION = Set.of("doc", "docs", "documentation", "site");
    /** The Compose specification's top-level keys besides services (compose-spec, "Compose file"). */
    private static final Pattern TOP_LEVEL = Pattern.compile("(services|version|name|networks|volumes|configs"
            + "|secrets|include|x-[\\w-]+)\\s*:.*");
    /** A service's way to get its container: an image or a build (compose-spec, "Services top-level elements"). */
    private static final Pattern CONTAINER_SOURCE = Pattern.compile("\\s+(image|build)\\s*:.*");

    private DevelopmentFiles() {
    }

    /** True when {@code file} (under {@code root}, with its {@code lines}) is for development, not production. */
    public static boolean isDevelopment(Path root, Path file, List<String> lines) {
        return developmentPath(root, file) || isCompose(lines);
    }

    /** True when the path alone says {@code file} (under {@code root}) is for development: folder, name. */
    public static boolean developmentPath(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        for (int index = 0; index < relative.getNameCount() - 1; index++) {
            String folder = relative.getName(index).toString().toLowerCase(Locale.ROOT);
            if (DOCUMENTATION.contains(folder) || NOT_SHIPPED_FOLDERS.stream().anyMatch(folder::contains)) {
                return true;
            }
        }
        String name = String.valueOf(relative.getFileName()).toLowerCase(Locale.ROOT);
        if (name.contains("docker-compose") || name.startsWith("compose.")) {
            return true;
        }
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String part : stem.split("[-_.]")) {
            if (NON_PRODUCTION.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when YAML {@code lines} are a Docker Compose file whatever it is called (jhipster's
     * {@code src/main/docker/app.yml}): every top-level key is one the Compose specification defines, one of them is
     * {@code services}, and a service under it names an {@code image} or a {@code build}.
     */
    public static boolean isCompose(List<String> lines) {
        boolean services = false;
        boolean inServices = false;
        boolean container = false;
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#") || line.strip().equals("---")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (!TOP_LEVEL.matcher(line.strip()).matches()) {
                    return false;
                }
                inServices = line.startsWith("services");
                services |= inServices;
            } else if (inServices && CONTAINER_SOURCE.matcher(line).matches()) {
                container = true;
            }
        }
        return services && container;
    }
}
