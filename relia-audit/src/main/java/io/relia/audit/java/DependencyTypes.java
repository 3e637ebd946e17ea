package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.LibraryJars;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Library types resolved against the dependency jars of the audited tree, set up on the first question only: the
 * build files are read and the local caches looked at when a call needs them, not for every audit.
 */
final class DependencyTypes {

    /** Version notes shown one by one; the rest are counted. */
    private static final int MAX_VERSION_NOTES = 3;

    private final Path root;
    private final List<String> excludes;
    private final LibraryJars where;
    private LibraryTypes types;
    private BuildDependencies found;

    private DependencyTypes(Path root, List<String> excludes, LibraryJars where) {
        this.root = root;
        this.excludes = List.copyOf(excludes);
        this.where = where;
    }

    /** The resolver for {@code context}'s tree and caches ({@link AuditContext#jars()}). */
    static DependencyTypes of(AuditContext context) {
        return new DependencyTypes(context.root(), context.inventory().excluded(), context.jars());
    }

    /** The jars' verdict on {@code type.method()}; empty when jars are off, absent, or do not settle it. */
    Optional<LibraryTypes.Verdict> judge(String type, String method) {
        if (!where.enabled() || type.startsWith("?")) {
            return Optional.empty();
        }
        if (types == null) {
            found = BuildDependencies.find(root, ServiceFiles.read(root, excludes).builds(),
                    new LocalArtifacts(where));
            types = new LibraryTypes(new LibraryClasses(found.jars(), found::dependenciesOf));
        }
        return types.judge(type, method);
    }

    /** How many jars were searched; 0 when none was needed. */
    int jarsSearched() {
        return types == null ? 0 : types.jarsSearched();
    }

    /**
     * What the build files left open (versions taken from the caches) and what could not be read; empty when
     * nothing was read.
     */
    List<String> notes() {
        if (found == null) {
            return List.of();
        }
        List<String> notes = new ArrayList<>(found.notes().stream().limit(MAX_VERSION_NOTES).toList());
        if (found.notes().size() > MAX_VERSION_NOTES) {
            notes.add("and " + (found.notes().size() - MAX_VERSION_NOTES) + " more dependencies read at the "
                    + "highest version on disk");
        }
        types.unreadable().forEach(what -> notes.add("could not read " + what + "; the calls on its types were "
                + "judged from the sources"));
        return notes;
    }

    /** "off", "no dependency jars on disk", or how many jars the build files led to. */
    String status() {
        if (!where.enabled()) {
            return "off";
        }
        if (found == null) {
            return "not needed";
        }
        return found.jars().isEmpty() ? "none of the declared dependencies is on disk" : found.jars().size()
                + (found.jars().size() == 1 ? " jar" : " jars") + " declared, " + jarsSearched() + " searched"
                + (types.jarsIndirect() > 0 ? " with " + types.jarsIndirect() + " of their dependencies" : "");
    }
}
