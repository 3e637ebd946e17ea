package io.relia.audit.java;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependency jars the audited tree's build files declare, found in the local caches ({@link LocalArtifacts}).
 * Maven: each pom.xml's {@code <dependencies>}, versions from the dependency, else from {@code
 * <dependencyManagement>} along the parent chain and imported BOMs, {@code ${...}} resolved from the properties of
 * the POM and its parents (parents and BOMs are read from the tree, else from the local repository). Gradle:
 * {@code "group:artifact:version"} strings and {@code group: ..., name: ..., version: ...} maps in build.gradle(.kts)
 * and libs.versions.toml. A version that cannot be resolved is replaced by the highest version on disk, and a note
 * says so.
 */
final class BuildDependencies {

    /** One jar to search, and the dependency it is for. */
    record Jar(String coordinate, Path path) {
    }

    private static final int MAX_DEPTH = 10;
    private static final int MAX_REPOSITORY_POMS = 256;
    private static final int MAX_SUBSTITUTIONS = 10;
    private static final long MAX_POM_BYTES = 1024 * 1024;
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern GRADLE_STRING = Pattern.compile("[\"']([\\w.\\-]+):([\\w.\\-]+)(?::([^\"':@]+))?"
            + "(?:@\\w+)?[\"']");
    private static final Pattern GRADLE_MAP = Pattern.compile("group\\s*[:=]\\s*[\"']([\\w.\\-]+)[\"']\\s*,\\s*"
            + "name\\s*[:=]\\s*[\"']([\\w.\\-]+)[\"'](?:\\s*,\\s*version\\s*[:=]\\s*[\"']([^\"']+)[\"'])?");

    private final Path root;
    private final LocalArtifacts artifacts;
    private final Map<Path, MavenPom> treePoms = new LinkedHashMap<>();
    private final Map<String, MavenPom> byKey = new HashMap<>();
    private final Map<String, Optional<MavenPom>> repositoryPoms = new HashMap<>();
    private final Map<MavenPom, Map<String, String>> bomVersions = new IdentityHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private List<Jar> declared = List.of();

    private BuildDependencies(Path root, LocalArtifacts artifacts) {
        this.root = root.toAbsolutePath().normalize();
        this.artifacts = artifacts;
    }

    /**
     * The jars on disk for the dependencies {@code builds} (under {@code root}) declare, each once, in build file
     * order.
     */
    static BuildDependencies find(Path root, List<ServiceFiles.Text> builds, LocalArtifacts artifacts) {
        BuildDependencies dependencies = new BuildDependencies(root, artifacts);
        dependencies.read(builds);
        return dependencies;
    }

    /** The jars on disk of the dependencies the build files declare. */
    List<Jar> jars() {
        return declared;
    }

    /** What the reader had to assume (versions taken from the caches). */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The jars on disk of what {@code jars} depend on (compile and runtime scope, not optional, versions as their
     * POMs in the local repository give them), leaving out every artifact already returned: the next tier of the
     * dependency set, for a type a starter or facade jar does not hold itself. A version the POMs do not settle is
     * left out rather than guessed.
     */
    List<Jar> dependenciesOf(List<Jar> jars) {
        List<Jar> next = new ArrayList<>();
        for (Jar jar : jars) {
            String[] parts = jar.coordinate().split(":");
            Optional<MavenPom> pom = parts.length == 3 ? repositoryPom(parts[0], parts[1], parts[2])
                    : Optional.empty();
            for (MavenPom.Coordinate dependency : pom.map(found -> dependencies(found, null)).orElse(List.of())) {
                boolean runs = Set.of("", "compile", "runtime").contains(dependency.scope());
                if (runs && !dependency.version().contains("$") && !dependency.version().isEmpty()
                        && known.add(dependency.key())) {
                    artifacts.jar(dependency.group(), dependency.artifact(), dependency.version()).ifPresent(path ->
                            next.add(new Jar(dependency.key() + ":" + dependency.version(), path)));
                }
            }
        }
        return next;
    }

    /** {@code orders/pom.xml}: the build file as the report shows paths, relative to the audited directory. */
    private String shown(Path build) {
        Path absolute = build.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private void read(List<ServiceFiles.Text> builds) {
        for (ServiceFiles.Text build : builds) {
            if (String.valueOf(build.path().getFileName()).equals("pom.xml")) {
                MavenPom.parse(String.join("\n", build.lines())).ifPresent(pom -> {
                    treePoms.put(build.path().toAbsolutePath().normalize(), pom);
                    byKey.putIfAbsent(pom.self().key(), pom);
                });
            }
        }
        Map<String, Jar> jars = new LinkedHashMap<>();
        for (ServiceFiles.Text build : builds) {
            List<MavenPom.Coordinate> declared = String.valueOf(build.path().getFileName()).equals("pom.xml")
                    ? maven(build.path().toAbsolutePath().normalize()) : gradle(build);
            for (MavenPom.Coordinate coordinate : declared) {
                if (!jars.containsKey(coordinate.key()) && !byKey.containsKey(coordinate.key())) {
                    locate(coordinate, build.path()).ifPresent(jar -> jars.put(coordinate.key(), jar));
                }
            }
        }
        declared = List.copyOf(jars.values());
        known.addAll(jars.keySet());
    }

    private Optional<Jar> locate(MavenPom.Coordinate coordinate, Path build) {
        String version = coordinate.version();
        if (version.isEmpty() || version.contains("$") || version.startsWith("[") || version.startsWith("(")) {
            Optional<String> highest = artifacts.highestVersion(coordinate.group(), coordinate.artifact());
            if (highest.isEmpty()) {
                return Optional.empty();
            }
            notes.add(coordinate.key() + " (" + shown(build) + (coordinate.line() > 0 ? ":"
                    + coordinate.line() : "") + "): version " + (version.isEmpty() ? "not given" : "\"" + version
                    + "\" not resolved") + " in the tree's build files; read " + highest.get()
                    + ", the highest on disk");
            version = highest.get();
        }
        String chosen = version;
        return artifacts.jar(coordinate.group(), coordinate.artifact(), chosen)
                .map(path -> new Jar(coordinate.key() + ":" + chosen, path));
    }

    /** The dependencies of the POM at {@code file} and of its parents, versions resolved where the tree says. */
    private List<MavenPom.Coordinate> maven(Path file) {
        return dependencies(treePoms.get(file), file);
    }

    /** The dependencies of {@code pom} (at {@code file} in the tree, or null) and of its parents. */
    private List<MavenPom.Coordinate> dependencies(MavenPom pom, Path file) {
        List<MavenPom> chain = chain(pom, file);
        Map<String, String> properties = properties(chain);
        Map<String, String> managed = new HashMap<>();
        for (MavenPom each : chain.reversed()) {
            managed(each, properties, managed, 0);
        }
        List<MavenPom.Coordinate> found = new ArrayList<>();
        for (MavenPom each : chain) {
            for (MavenPom.Coordinate dependency : each.dependencies()) {
                String version = dependency.version().isEmpty() ? managed.getOrDefault(dependency.key(), "")
                        : dependency.version();
                found.add(new MavenPom.Coordinate(resolve(dependency.group(), properties), resolve(
                        dependency.artifact(), properties), resolve(version, properties), dependency.scope(),
                        each == pom ? dependency.line() : 0));
            }
        }
        return found;
    }

    /** The POM and its parents, nearest first: from the tree by path or coordinates, else from the repository. */
    private List<MavenPom> chain(MavenPom pom, Path file) {
        List<MavenPom> chain = new ArrayList<>(List.of(pom));
        MavenPom current = pom;
        Path at = file;
        while (current.parent().isPresent() && chain.size() < MAX_DEPTH) {
            MavenPom.Coordinate parent = current.parent().get();
            Path candidate = at == null ? null : at.getParent().resolve(current.parentPath()).normalize();
            if (candidate != null && Files.isDirectory(candidate)) {
                candidate = candidate.resolve("pom.xml");
            }
            MavenPom next = candidate != null && treePoms.containsKey(candidate)
                    && treePoms.get(candidate).self().key().equals(parent.key()) ? treePoms.get(candidate) : null;
            if (next == null) {
                candidate = null;
                next = byKey.get(parent.key());
            }
            if (next == null) {
                next = repositoryPom(parent.group(), parent.artifact(), parent.version()).orElse(null);
            }
            if (next == null || chain.contains(next)) {
                break;
            }
            chain.add(next);
            current = next;
            at = candidate;
        }
        return chain;
    }

    /** Properties of the chain, nearest POM winning, with the {@code project.*} ones Maven defines. */
    private static Map<String, String> properties(List<MavenPom> chain) {
        Map<String, String> properties = new HashMap<>();
        for (MavenPom each : chain.reversed()) {
            properties.putAll(each.properties());
        }
        MavenPom pom = chain.getFirst();
        properties.put("project.version", pom.self().version());
        properties.put("project.groupId", pom.self().group());
        properties.put("project.artifactId", pom.self().artifact());
        properties.put("pom.version", pom.self().version());
        pom.parent().ifPresent(parent -> properties.put("project.parent.version", parent.version()));
        return properties;
    }

    /** Adds the managed versions of {@code pom} and of the BOMs it imports (theirs first: the POM's own win). */
    private void managed(MavenPom pom, Map<String, String> properties, Map<String, String> managed, int depth) {
        for (MavenPom.Coordinate entry : pom.managed()) {
            String version = resolve(entry.version(), properties);
            if (entry.scope().equals("import") && depth < MAX_DEPTH) {
                Optional<MavenPom> bom = byKey.containsKey(entry.key()) ? Optional.of(byKey.get(entry.key()))
                        : repositoryPom(resolve(entry.group(), properties), entry.artifact(), version);
                bom.ifPresent(imported -> managed.putAll(imported(imported, depth)));
            } else if (!version.isEmpty()) {
                managed.put(resolve(entry.group(), properties) + ":" + entry.artifact(), version);
            }
        }
    }

    /** The versions a BOM manages, resolved with its own properties: the same for every POM importing it. */
    private Map<String, String> imported(MavenPom bom, int depth) {
        Map<String, String> known = bomVersions.get(bom);
        if (known != null) {
            return known;
        }
        Map<String, String> versions = new HashMap<>();
        List<MavenPom> chain = chain(bom, null);
        Map<String, String> properties = properties(chain);
        for (MavenPom each : chain.reversed()) {
            managed(each, properties, versions, depth + 1);
        }
        bomVersions.put(bom, versions);
        return versions;
    }

    private Optional<MavenPom> repositoryPom(String group, String artifact, String version) {
        String key = group + ":" + artifact + ":" + version;
        if (repositoryPoms.containsKey(key) || repositoryPoms.size() >= MAX_REPOSITORY_POMS) {
            return repositoryPoms.getOrDefault(key, Optional.empty());
        }
        Optional<MavenPom> pom = artifacts.pom(group, artifact, version).flatMap(BuildDependencies::readPom);
        repositoryPoms.put(key, pom);
        return pom;
    }

    private static Optional<MavenPom> readPom(Path file) {
        try {
            if (Files.size(file) > MAX_POM_BYTES) {
                return Optional.empty();
            }
            return MavenPom.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code ${name}} replaced from {@code properties}, a bounded number of times; unknown ones stay. */
    private static String resolve(String value, Map<String, String> properties) {
        String current = value;
        for (int round = 0; round < MAX_SUBSTITUTIONS && current.contains("${"); round++) {
            Matcher matcher = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (matcher.find()) {
                String replacement = properties.get(matcher.group(1));
                changed |= replacement != null;
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement
                        : matcher.group()));
            }
            matcher.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** The {@code group:artifact[:version]} strings and maps of a Gradle build or version catalogue. */
    private static List<MavenPom.Coordinate> gradle(ServiceFiles.Text build) {
        List<MavenPom.Coordinate> found = new ArrayList<>();
        for (int index = 0; index < build.lines().size(); index++) {
            String line = build.lines().get(index);
            for (Pattern pattern : List.of(GRADLE_STRING, GRADLE_MAP)) {
                Matcher matcher = pattern.matcher(line);
                while (matcher.find()) {
                    String version = matcher.group(3) == null ? "" : matcher.group(3).strip();
                    found.add(new MavenPom.Coordinate(matcher.group(1), matcher.group(2), version, "", index + 1));
                }
            }
        }
        return found;
    }
}
