package io.relia.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the audit may look for the dependency jars a build already downloaded: local Maven repositories and Gradle
 * caches. The Java audit resolves library types it cannot judge from the sources against the jars of the
 * dependencies the audited tree's pom.xml and build.gradle files declare; it only reads what is on disk and never
 * downloads.
 *
 * @param mavenRepositories local Maven repositories ({@code ~/.m2/repository} layout)
 * @param gradleCaches      Gradle module caches ({@code ~/.gradle/caches/modules-2/files-2.1} layout)
 */
public record LibraryJars(List<Path> mavenRepositories, List<Path> gradleCaches) {

    /** Names the local Maven repository when it is not {@code ~/.m2/repository} ({@code -Dmaven.repo.local}). */
    public static final String MAVEN_REPOSITORY_VARIABLE = "RELIA_MAVEN_REPOSITORY";

    public LibraryJars {
        mavenRepositories = List.copyOf(mavenRepositories);
        gradleCaches = List.copyOf(gradleCaches);
    }

    /** No jars: library types are judged from the sources alone. */
    public static LibraryJars none() {
        return new LibraryJars(List.of(), List.of());
    }

    /**
     * The caches of a user: {@value #MAVEN_REPOSITORY_VARIABLE} or {@code HOME/.m2/repository}, and
     * {@code GRADLE_USER_HOME} (Gradle's own variable) or {@code HOME/.gradle}, then
     * {@code caches/modules-2/files-2.1}.
     */
    public static LibraryJars of(Path home, Map<String, String> environment) {
        String maven = environment.get(MAVEN_REPOSITORY_VARIABLE);
        String gradle = environment.get("GRADLE_USER_HOME");
        Path gradleHome = gradle == null || gradle.isBlank() ? home.resolve(".gradle") : Path.of(gradle);
        return new LibraryJars(List.of(maven == null || maven.isBlank() ? home.resolve(".m2").resolve("repository")
                : Path.of(maven)), List.of(gradleHome.resolve("caches").resolve("modules-2").resolve("files-2.1")));
    }

    /** True when there is somewhere to look. */
    public boolean enabled() {
        return !mavenRepositories.isEmpty() || !gradleCaches.isEmpty();
    }
}
