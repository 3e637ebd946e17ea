package io.relia.audit.java;

import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.audit.LibraryJars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Library types resolved against dependency jars already on disk: each test compiles a small library, jars it into
 * a fake local Maven repository or Gradle cache, and audits a tree whose build file declares it.
 */
class DependencyJarsTest {

    private static final String RULE = "java/blocking-without-deadline";

    /** An RPC library's reply handle: a future through an abstract base, and a value holder with a get(). */
    private static final Map<String, String> LIBRARY = Map.of(
            "com/acme/rpc/BaseReply.java", """
                    package com.acme.rpc;
                    public abstract class BaseReply<T> implements java.util.concurrent.Future<T> {
                    }
                    """,
            "com/acme/rpc/ReplyFuture.java", """
                    package com.acme.rpc;
                    public abstract class ReplyFuture<T> extends BaseReply<T> {
                    }
                    """,
            "com/acme/rpc/Settings.java", """
                    package com.acme.rpc;
                    public class Settings {
                        public String get() {
                            return "";
                        }
                    }
                    """,
            "com/acme/rpc/Ticket.java", """
                    package com.acme.rpc;
                    public interface Ticket {
                        void await() throws InterruptedException;
                    }
                    """);

    private static final String POM = """
            <project>
                <modelVersion>4.0.0</modelVersion>
                <groupId>com.shop</groupId>
                <artifactId>orders</artifactId>
                <version>1.0</version>
                <properties>
                    <acme.version>1.2</acme.version>
                </properties>
                <dependencies>
                    <dependency>
                        <groupId>com.acme</groupId>
                        <artifactId>acme-rpc</artifactId>
                        <version>${acme.version}</version>
                    </dependency>
                </dependencies>
            </project>
            """;

    @TempDir
    Path work;
    private Path tree;
    private Path repository;

    @BeforeEach
    void layOut() throws IOException {
        tree = Files.createDirectories(work.resolve("service"));
        repository = Files.createDirectories(work.resolve("m2"));
    }

    @Test
    void reportsAGetOnALibraryFutureAndNamesTheJar() throws IOException {
        mavenProject();
        source("""
                String place(ReplyFuture<String> reply) {
                    return reply.get();
                }
                """);

        AuditResult result = audit(maven());

        assertThat(messages(result)).containsExactly("ReplyFuture.get() waits without a deadline: ReplyFuture "
                + "(through com.acme.rpc.BaseReply) is a java.util.concurrent.Future (from acme-rpc-1.2.jar)");
        assertThat(result.notes()).anyMatch(note -> note.contains("dependency jars 1 (1 jar declared, 1 searched)"));
    }

    @Test
    void aMethodThatDeclaresInterruptedExceptionIsAWait() throws IOException {
        mavenProject();
        source("""
                void hold(Ticket ticket) {
                    ticket.await();
                }
                """);

        assertThat(messages(audit(maven()))).containsExactly("Ticket.await() waits without a deadline: "
                + "Ticket.await() declares throws InterruptedException (from acme-rpc-1.2.jar)");
    }

    @Test
    void aLibraryTypeThatIsNoFutureIsNotReportedWhateverTheExceptionsAroundIt() throws IOException {
        mavenProject();
        source("""
                String name(Settings settings) throws ExecutionException {
                    return settings.get();
                }
                """);

        AuditResult result = audit(maven());

        assertThat(messages(result)).isEmpty();
        assertThat(result.notes()).anyMatch(note -> note.contains("dependency jars 1 "));
    }

    @Test
    void withoutJarsTheExceptionsAroundTheCallDecide() throws IOException {
        mavenProject();
        source("""
                String place(ReplyFuture<String> reply) throws ExecutionException {
                    return reply.get();
                }

                String quiet(ReplyFuture<String> reply) throws Exception {
                    return reply.get();
                }
                """);

        AuditResult result = audit(LibraryJars.none());

        assertThat(messages(result)).containsExactly("ReplyFuture.get() waits without a deadline: the sources do "
                + "not show its body, but place() declares throws ExecutionException, so it is a future");
        assertThat(result.notes()).anyMatch(note -> note.contains("inferred from exceptions 1,")
                && note.contains("dependency jars 0 (off)") && note.contains("unknown 1"));
    }

    @Test
    void anAbsentJarChangesNothingAndNothingIsDownloaded() throws IOException {
        Files.writeString(tree.resolve("pom.xml"), POM);
        source("""
                String place(ReplyFuture<String> reply) throws ExecutionException {
                    return reply.get();
                }

                String quiet(ReplyFuture<String> reply) throws Exception {
                    return reply.get();
                }
                """);

        AuditResult withJars = audit(maven());
        AuditResult without = audit(LibraryJars.none());

        assertThat(messages(withJars)).isEqualTo(messages(without)).hasSize(1);
        assertThat(withJars.notes()).anyMatch(note -> note.contains("none of the declared dependencies is on disk"));
        try (Stream<Path> files = Files.walk(repository)) {
            assertThat(files).containsExactly(repository);
        }
    }

    @Test
    void aBrokenJarIsNamedAndItsCallsAreJudgedFromTheSources() throws IOException {
        Path directory = Files.createDirectories(repository.resolve("com/acme/acme-rpc/1.2"));
        Files.writeString(directory.resolve("acme-rpc-1.2.jar"), "not a zip");
        Files.writeString(tree.resolve("pom.xml"), POM);
        source("""
                String place(ReplyFuture<String> reply) throws ExecutionException {
                    return reply.get();
                }
                """);

        AuditResult result = audit(maven());

        assertThat(messages(result)).singleElement().asString().contains("place() declares throws "
                + "ExecutionException");
        assertThat(result.notes()).anyMatch(note -> note.startsWith("could not read acme-rpc-1.2.jar: "));
    }

    @Test
    void anUnresolvedVersionTakesTheHighestOnDiskAndSaysSo() throws IOException {
        mavenJar("1.9");
        mavenJar("1.10");
        Files.writeString(tree.resolve("pom.xml"), POM.replace("${acme.version}", "${managed.elsewhere}"));
        source("""
                String place(ReplyFuture<String> reply) {
                    return reply.get();
                }
                """);

        AuditResult result = audit(maven());

        assertThat(messages(result)).singleElement().asString().endsWith("(from acme-rpc-1.10.jar)");
        assertThat(result.notes()).anyMatch(note -> note.startsWith("com.acme:acme-rpc (pom.xml:")
                && note.contains("\"${managed.elsewhere}\" not resolved") && note.endsWith("read 1.10, the highest "
                + "on disk"));
    }

    @Test
    void aVersionFromTheParentPomInTheTreeIsUsed() throws IOException {
        mavenJar("1.2");
        mavenJar("2.0");
        Files.writeString(tree.resolve("pom.xml"), """
                <project>
                    <groupId>com.shop</groupId>
                    <artifactId>parent</artifactId>
                    <version>1.0</version>
                    <properties><acme.version>1.2</acme.version></properties>
                    <dependencyManagement><dependencies><dependency>
                        <groupId>com.acme</groupId><artifactId>acme-rpc</artifactId><version>${acme.version}</version>
                    </dependency></dependencies></dependencyManagement>
                </project>
                """);
        Path module = Files.createDirectories(tree.resolve("orders"));
        Files.writeString(module.resolve("pom.xml"), """
                <project>
                    <parent><groupId>com.shop</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
                    <artifactId>orders</artifactId>
                    <dependencies><dependency>
                        <groupId>com.acme</groupId><artifactId>acme-rpc</artifactId>
                    </dependency></dependencies>
                </project>
                """);
        source("""
                String place(ReplyFuture<String> reply) {
                    return reply.get();
                }
                """);

        AuditResult result = audit(maven());

        assertThat(messages(result)).singleElement().asString().endsWith("(from acme-rpc-1.2.jar)");
        assertThat(result.notes()).noneMatch(note -> note.contains("highest on disk"));
    }

    @Test
    void aTypeInADependencyOfADeclaredStarterIsFoundThroughTheStartersPom() throws IOException {
        mavenJar("1.2");
        Path starter = Files.createDirectories(repository.resolve("com/acme/acme-starter/1.0"));
        try (JarOutputStream empty = new JarOutputStream(Files.newOutputStream(starter.resolve(
                "acme-starter-1.0.jar")))) {
            empty.putNextEntry(new JarEntry("META-INF/acme.txt"));
            empty.closeEntry();
        }
        Files.writeString(starter.resolve("acme-starter-1.0.pom"), """
                <project>
                    <groupId>com.acme</groupId>
                    <artifactId>acme-starter</artifactId>
                    <version>1.0</version>
                    <properties><rpc.version>1.2</rpc.version></properties>
                    <dependencies>
                        <dependency>
                            <groupId>com.acme</groupId><artifactId>acme-rpc</artifactId>
                            <version>${rpc.version}</version>
                        </dependency>
                    </dependencies>
                </project>
                """);
        Files.writeString(tree.resolve("pom.xml"), POM.replace("acme-rpc", "acme-starter").replace(
                "${acme.version}", "1.0"));
        source("""
                String place(ReplyFuture<String> reply) {
                    return reply.get();
                }
                """);

        AuditResult result = audit(maven());

        assertThat(messages(result)).singleElement().asString().endsWith("(from acme-rpc-1.2.jar)");
        assertThat(result.notes()).anyMatch(note -> note.contains("(1 jar declared, 2 searched with 1 of their "
                + "dependencies)"));
    }

    @Test
    void aGradleDependencyIsFoundInTheGradleCache() throws IOException {
        Path cache = work.resolve("gradle");
        Path hashed = Files.createDirectories(cache.resolve("com.acme/acme-rpc/1.2/0123abcd"));
        writeJar(hashed.resolve("acme-rpc-1.2.jar"));
        Files.writeString(tree.resolve("build.gradle"), """
                dependencies {
                    implementation 'com.acme:acme-rpc:1.2'
                }
                """);
        source("""
                String place(ReplyFuture<String> reply) {
                    return reply.get();
                }
                """);

        assertThat(messages(audit(new LibraryJars(List.of(), List.of(cache))))).singleElement().asString()
                .endsWith("(from acme-rpc-1.2.jar)");
    }

    @Test
    void aCachedRunJudgesTheSameWay() throws IOException {
        mavenProject();
        source("""
                String place(ReplyFuture<String> reply) {
                    return reply.get();
                }
                """);
        Path results = Files.createDirectories(work.resolve("cache"));
        AuditOptions options = new AuditOptions(Set.of(RULE), List.of(), null, results).withJars(maven());

        AuditResult cold = new Auditor(List.of(new JavaAnalyzer(1))).run(tree, options);
        AuditResult warm = new Auditor(List.of(new JavaAnalyzer(1))).run(tree, options);

        assertThat(messages(warm)).isEqualTo(messages(cold)).hasSize(1);
        assertThat(warm.notes()).isEqualTo(cold.notes());
    }

    /** The acme-rpc 1.2 jar in the fake local repository and a pom.xml in the audited tree that declares it. */
    private void mavenProject() throws IOException {
        mavenJar("1.2");
        Files.writeString(tree.resolve("pom.xml"), POM);
    }

    private LibraryJars maven() {
        return new LibraryJars(List.of(repository), List.of());
    }

    private AuditResult audit(LibraryJars jars) {
        return new Auditor(List.of(new JavaAnalyzer(1))).run(tree, new AuditOptions(Set.of(RULE), List.of(), null)
                .withJars(jars));
    }

    private static List<String> messages(AuditResult result) {
        return result.findings().stream().map(finding -> finding.finding().message()).toList();
    }

    private void source(String methods) throws IOException {
        Path file = tree.resolve("src/main/java/com/shop/Orders.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package com.shop;

                import com.acme.rpc.ReplyFuture;
                import com.acme.rpc.Settings;
                import com.acme.rpc.Ticket;
                import java.util.concurrent.ExecutionException;

                class Orders {
                """ + methods.indent(4) + "}\n");
    }

    private void mavenJar(String version) throws IOException {
        Path directory = Files.createDirectories(repository.resolve("com/acme/acme-rpc").resolve(version));
        writeJar(directory.resolve("acme-rpc-" + version + ".jar"));
    }

    /** Compiles {@link #LIBRARY} with the JDK's compiler and jars the class files. */
    private void writeJar(Path jar) throws IOException {
        Path sources = Files.createDirectories(work.resolve("library-src"));
        Path classes = Files.createDirectories(work.resolve("library-classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
        for (Map.Entry<String, String> file : LIBRARY.entrySet()) {
            Path path = sources.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            arguments.add(path.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertThat(compiler.run(null, OutputStream.nullOutputStream(), errors, arguments.toArray(String[]::new)))
                .as(errors.toString()).isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
