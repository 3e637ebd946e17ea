package io.relia.audit.java;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of one audit's dependency jars, and of the JDK for {@code java.*} and {@code javax.*}: a type's
 * superclass, interfaces and the exceptions its no-argument methods declare, read with ASM ({@code SKIP_CODE}).
 * A class not in the declared jars is looked for in their own dependencies, tier by tier (at most {@value #TIERS}).
 * Bounded: at most {@value #MAX_JARS} jars are opened and {@value #MAX_CLASSES} classes read per audit. Which classes
 * a jar holds is kept in memory across audits, keyed by the jar's path, size and modification time, so a rebuilt jar
 * is read again.
 */
final class LibraryClasses {

    /** What one class file says about its place in the type hierarchy. */
    record ClassInfo(String name, boolean isInterface, String superName, List<String> interfaces,
                     Map<String, List<String>> thrown, String source) {

        ClassInfo {
            interfaces = List.copyOf(interfaces);
            thrown = Map.copyOf(thrown);
        }
    }

    /** A jar as the cache knows it: a changed jar is another key. */
    private record JarKey(Path path, long size, long modified) {
    }

    static final int MAX_JARS = 256;
    static final int MAX_CLASSES = 4_096;
    private static final int CACHED_JARS = 128;
    private static final String JDK = "the JDK";
    private static final int MAX_UNREADABLE = 5;

    private static final Map<JarKey, Set<String>> ENTRIES = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<JarKey, Set<String>> eldest) {
                    return size() > CACHED_JARS;
                }
            });

    static final int TIERS = 3;

    private final List<List<BuildDependencies.Jar>> tiers = new ArrayList<>();
    private final UnaryOperator<List<BuildDependencies.Jar>> nextTier;
    private final Map<Path, Optional<JarKey>> keys = new HashMap<>();
    private final Map<String, Optional<ClassInfo>> read = new HashMap<>();
    private final Set<Path> searched = new LinkedHashSet<>();
    private final List<String> unreadable = new ArrayList<>();

    /**
     * @param jars      the declared dependencies' jars
     * @param nextTier  the jars the given jars depend on, not yet seen ({@link BuildDependencies#dependenciesOf})
     */
    LibraryClasses(List<BuildDependencies.Jar> jars, UnaryOperator<List<BuildDependencies.Jar>> nextTier) {
        this.tiers.add(List.copyOf(jars));
        this.nextTier = nextTier;
    }

    /** How many jars beyond the declared ones joined the search. */
    int jarsIndirect() {
        return tiers.stream().skip(1).mapToInt(List::size).sum();
    }

    /** How many jars were searched so far. */
    int jarsSearched() {
        return searched.size();
    }

    /** The jars and classes that could not be read ("acme.jar: zip END header not found"), at most a few. */
    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Keeps why a jar or class could not be read: its types are then judged as if the jars were off. */
    private void failed(String what, Exception why) {
        if (unreadable.size() < MAX_UNREADABLE) {
            unreadable.add(what + ": " + why.getMessage());
        }
    }

    /**
     * The class named {@code name} ({@code com.acme.Outer.Inner} or {@code com/acme/Outer$Inner}): from the JDK for
     * {@code java.} and {@code javax.} names, else from the first jar that holds it; empty when none does or a bound
     * was reached.
     */
    Optional<ClassInfo> find(String name) {
        String internal = name.replace('.', '/');
        if (read.containsKey(internal)) {
            return read.get(internal);
        }
        Optional<ClassInfo> found = read.size() >= MAX_CLASSES ? Optional.empty() : lookUp(internal);
        read.put(internal, found);
        return found;
    }

    private Optional<ClassInfo> lookUp(String internal) {
        // A nested type is written Outer.Inner in sources and stored as Outer$Inner: try the splits outward.
        String candidate = internal;
        for (int nesting = 0; nesting < 4; nesting++) {
            Optional<ClassInfo> found = candidate.startsWith("java/") || candidate.startsWith("javax/")
                    ? fromJdk(candidate) : fromJars(candidate);
            if (found.isPresent()) {
                return found;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                break;
            }
            candidate = candidate.substring(0, slash) + "$" + candidate.substring(slash + 1);
        }
        return Optional.empty();
    }

    private Optional<ClassInfo> fromJdk(String internal) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internal + ".class")) {
            return in == null ? Optional.empty() : Optional.of(parse(in.readAllBytes(), JDK));
        } catch (IOException | RuntimeException broken) {
            failed(internal + " in " + JDK, broken);
            return Optional.empty();
        }
    }

    private Optional<ClassInfo> fromJars(String internal) {
        for (int tier = 0; tier < TIERS; tier++) {
            if (tier == tiers.size()) {
                List<BuildDependencies.Jar> next = nextTier.apply(tiers.getLast());
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                tiers.add(List.copyOf(next));
            }
            for (BuildDependencies.Jar jar : ordered(tiers.get(tier), internal)) {
                Optional<JarKey> key = key(jar.path());
                if (key.isEmpty() || !searched.contains(jar.path()) && searched.size() >= MAX_JARS) {
                    continue;
                }
                searched.add(jar.path());
                if (entries(key.get()).contains(internal)) {
                    return readClass(jar.path(), internal);
                }
            }
        }
        return Optional.empty();
    }

    /** The jars whose group shares the type's package first ({@code com.acme} for {@code com.acme.rpc.X}). */
    private static List<BuildDependencies.Jar> ordered(List<BuildDependencies.Jar> jars, String internal) {
        String packageName = internal.replace('/', '.');
        List<BuildDependencies.Jar> likely = new ArrayList<>();
        List<BuildDependencies.Jar> others = new ArrayList<>();
        for (BuildDependencies.Jar jar : jars) {
            String group = jar.coordinate().substring(0, jar.coordinate().indexOf(':'));
            (packageName.startsWith(group + ".") ? likely : others).add(jar);
        }
        likely.addAll(others);
        return likely;
    }

    private Optional<JarKey> key(Path jar) {
        return keys.computeIfAbsent(jar, path -> {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return Optional.of(new JarKey(path, attributes.size(), attributes.lastModifiedTime().toMillis()));
            } catch (IOException gone) {
                return Optional.empty();
            }
        });
    }

    private Set<String> entries(JarKey key) {
        Set<String> cached = ENTRIES.get(key);
        if (cached != null) {
            return cached;
        }
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(key.path().toFile())) {
            zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class")
                    && !name.startsWith("META-INF/")).forEach(name -> names.add(name.substring(0,
                    name.length() - ".class".length())));
        } catch (IOException | RuntimeException broken) {
            failed(String.valueOf(key.path().getFileName()), broken);
            return Set.of();
        }
        Set<String> frozen = Set.copyOf(names);
        ENTRIES.put(key, frozen);
        return frozen;
    }

    private Optional<ClassInfo> readClass(Path jar, String internal) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(internal + ".class");
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(parse(in.readAllBytes(), String.valueOf(jar.getFileName())));
            }
        } catch (IOException | RuntimeException broken) {
            // A class file newer than ASM knows (IllegalArgumentException) or a broken jar: the type stays unknown.
            failed(internal + " in " + jar.getFileName(), broken);
            return Optional.empty();
        }
    }

    private static ClassInfo parse(byte[] bytes, String source) {
        ClassReader reader = new ClassReader(bytes);
        Map<String, List<String>> thrown = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (descriptor.startsWith("()") && (access & Opcodes.ACC_STATIC) == 0) {
                    thrown.putIfAbsent(name, exceptions == null ? List.of() : List.of(exceptions));
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(reader.getClassName(), (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0,
                reader.getSuperName() == null ? "" : reader.getSuperName(),
                List.of(reader.getInterfaces()), thrown, source);
    }
}
