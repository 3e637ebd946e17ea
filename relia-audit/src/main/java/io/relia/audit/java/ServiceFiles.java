package io.relia.audit.java;

import io.relia.audit.TestSources;
import io.relia.core.Location;
import io.relia.core.files.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few non-Java files the project-wide rules read: build files (dependencies), Dockerfiles and YAML (a Java
 * agent), logging configs, Spring application properties, and other {@code .properties} files (JDBC URLs). Found by
 * one walk bounded in depth, files and bytes; test sources ({@link TestSources}, even when audited: they are no
 * evidence of what production runs) and build output are left out, and so are the audit's exclude globs.
 * Properties files are read as ISO-8859-1, their format's encoding, so their text never fails to decode; a file that
 * cannot be read at all is listed ({@link #unreadable()}) for the rules that need it to say so.
 */
final class ServiceFiles {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_VISITED = 20_000;
    private static final int MAX_READ = 300;
    /** Properties files are counted apart: a project may hold hundreds of message bundles. */
    private static final int MAX_PROPERTIES = 2_000;
    private static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", "node_modules", "out", "dist",
            "vendor", "bin");
    /** A JVM agent that propagates trace context on outbound calls. */
    private static final Pattern TRACING_AGENT = Pattern.compile("(?i)-javaagent:\\S*(opentelemetry|otel|"
            + "dd-java-agent|elastic-apm|applicationinsights)|opentelemetry-javaagent"
            + "|instrumentation\\.opentelemetry\\.io/inject-java");
    /** The OpenTelemetry agent, which also records {@code http.server.request.duration} by status code. */
    private static final Pattern OTEL_AGENT = Pattern.compile("(?i)-javaagent:\\S*(opentelemetry|otel)"
            + "|opentelemetry-javaagent|instrumentation\\.opentelemetry\\.io/inject-java");

    /** One file read, with its lines. */
    record Text(Path path, List<String> lines) {

        boolean contains(String needle) {
            return lines.stream().anyMatch(line -> line.contains(needle));
        }

        boolean matches(Pattern pattern) {
            return lines.stream().anyMatch(line -> pattern.matcher(line).find());
        }

        /** The 1-based number of the first line {@code wanted} finds something in; 1 when none does. */
        int lineOf(Pattern wanted) {
            for (int index = 0; index < lines.size(); index++) {
                if (wanted.matcher(lines.get(index)).find()) {
                    return index + 1;
                }
            }
            return 1;
        }
    }

    private final List<Text> builds;
    private final List<Text> deployments;
    private final List<Text> loggingConfigs;
    private final List<Text> springConfigs;
    private final List<Text> properties;
    private final List<Path> unreadable;

    private ServiceFiles(List<Text> builds, List<Text> deployments, List<Text> loggingConfigs,
                         List<Text> springConfigs, List<Text> properties, List<Path> unreadable) {
        this.builds = builds;
        this.deployments = deployments;
        this.loggingConfigs = loggingConfigs;
        this.springConfigs = springConfigs;
        this.properties = properties;
        this.unreadable = unreadable;
    }

    /** Reads the files of interest under {@code root}; unreadable ones are skipped (the rules then assume less). */
    static ServiceFiles read(Path root, List<String> excludeGlobs) {
        List<PathMatcher> excludes = excludeGlobs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<Path> found = new ArrayList<>();
        int[] propertiesFound = {0};
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                private int visited;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = String.valueOf(dir.getFileName());
                    return name.startsWith(".") || SKIPPED_DIRS.contains(name)
                            || TestSources.isTestFolder(root.relativize(dir)) || excluded(root, dir, excludes)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String kind = kind(file);
                    boolean isProperties = "properties".equals(kind);
                    boolean room = isProperties ? propertiesFound[0] < MAX_PROPERTIES
                            : found.size() - propertiesFound[0] < MAX_READ;
                    if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && kind != null && room
                            && !TestSources.isTest(root.relativize(file)) && !excluded(root, file, excludes)) {
                        found.add(file);
                        propertiesFound[0] += isProperties ? 1 : 0;
                    }
                    return ++visited >= MAX_VISITED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return new ServiceFiles(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(root));
        }
        found.sort(null);
        List<Text> builds = new ArrayList<>();
        List<Text> deployments = new ArrayList<>();
        List<Text> logging = new ArrayList<>();
        List<Text> spring = new ArrayList<>();
        List<Text> properties = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        for (Path file : found) {
            List<String> lines;
            try {
                lines = InputFiles.readString(file, kind(file).equals("properties") ? StandardCharsets.ISO_8859_1
                        : StandardCharsets.UTF_8, MAX_BYTES).lines().toList();
            } catch (IOException unreadableOrNotUtf8) {
                unreadable.add(file);
                continue;
            }
            Text text = new Text(file, lines);
            switch (kind(file)) {
                case "build" -> builds.add(text);
                case "logging" -> logging.add(text);
                case "properties" -> properties.add(text);
                case "spring" -> {
                    spring.add(text);
                    deployments.add(text);
                }
                default -> deployments.add(text);
            }
        }
        return new ServiceFiles(builds, deployments, logging, spring, properties, unreadable);
    }

    /** What a file is to these rules: build, logging, spring, deployment; null when nothing. */
    private static String kind(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (Set.of("pom.xml", "build.gradle", "build.gradle.kts", "libs.versions.toml").contains(name)) {
            return "build";
        }
        boolean logback = name.startsWith("logback") && name.endsWith(".xml");
        boolean log4j2 = name.startsWith("log4j2") && (name.endsWith(".xml") || name.endsWith(".yaml")
                || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".properties"));
        if (logback || log4j2) {
            return "logging";
        }
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (name.startsWith("application") && (yaml || name.endsWith(".properties"))) {
            return "spring";
        }
        if (yaml || name.startsWith("dockerfile") || name.startsWith("containerfile") || name.endsWith(".dockerfile")
                || name.endsWith(".env")) {
            return "deployment";
        }
        return name.endsWith(".properties") ? "properties" : null;
    }

    private static boolean excluded(Path root, Path path, List<PathMatcher> excludes) {
        Path relative = root.relativize(path);
        return excludes.stream().anyMatch(matcher -> matcher.matches(relative));
    }

    /**
     * Something a file says, and where.
     *
     * @param what the artifact, agent or setting found
     * @param at   the file and line
     */
    record Mention(String what, Location at) {
    }

    /** The first build file line naming one of {@code artifacts}, in file order. */
    Optional<Mention> declaration(Set<String> artifacts) {
        for (Text build : builds) {
            for (String artifact : artifacts.stream().sorted().toList()) {
                if (build.contains(artifact)) {
                    return Optional.of(new Mention(artifact, Location.of(build.path(), build.lineOf(
                            Pattern.compile(Pattern.quote(artifact))), 1)));
                }
            }
        }
        return Optional.empty();
    }

    /** The first Dockerfile, manifest or build line attaching a tracing Java agent. */
    Optional<Mention> tracingAgentAt() {
        return firstMatch(TRACING_AGENT);
    }

    /** The first line attaching the OpenTelemetry Java agent. */
    Optional<Mention> openTelemetryAgentAt() {
        return firstMatch(OTEL_AGENT);
    }

    private Optional<Mention> firstMatch(Pattern pattern) {
        for (List<Text> texts : List.of(deployments, builds)) {
            for (Text text : texts) {
                if (text.matches(pattern)) {
                    int line = text.lineOf(pattern);
                    Matcher found = pattern.matcher(text.lines().get(line - 1));
                    return Optional.of(new Mention(found.find() ? found.group() : pattern.pattern(),
                            Location.of(text.path(), line, 1)));
                }
            }
        }
        return Optional.empty();
    }

    /** True when a build file names one of {@code artifacts} (a dependency, a BOM, a plugin). */
    boolean declares(Set<String> artifacts) {
        return builds.stream().anyMatch(build -> artifacts.stream().anyMatch(build::contains));
    }

    /** True when a Dockerfile, manifest or build file attaches a Java agent that propagates traces. */
    boolean tracingAgent() {
        return anyMatches(TRACING_AGENT);
    }

    /** True when the OpenTelemetry Java agent is attached; it records HTTP server metrics too. */
    boolean openTelemetryAgent() {
        return anyMatches(OTEL_AGENT);
    }

    private boolean anyMatches(Pattern pattern) {
        Predicate<Text> matching = text -> text.matches(pattern);
        return deployments.stream().anyMatch(matching) || builds.stream().anyMatch(matching);
    }

    /** The pom.xml, build.gradle(.kts) and libs.versions.toml files, in path order. */
    List<Text> builds() {
        return builds;
    }

    List<Text> loggingConfigs() {
        return loggingConfigs;
    }

    List<Text> springConfigs() {
        return springConfigs;
    }

    /** Configuration a service reads its settings from: Spring configs, other properties files, and YAML. */
    List<Text> configurations() {
        List<Text> all = new ArrayList<>(springConfigs);
        all.addAll(properties);
        deployments.stream().filter(text -> !springConfigs.contains(text)).filter(text -> {
            String name = String.valueOf(text.path().getFileName()).toLowerCase(Locale.ROOT);
            return name.endsWith(".yml") || name.endsWith(".yaml");
        }).forEach(all::add);
        return all;
    }

    /** Files of interest that could not be read (or, outside properties files, were not UTF-8). */
    List<Path> unreadable() {
        return unreadable;
    }
}
