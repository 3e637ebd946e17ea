package io.relia.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to run an audit.
 *
 * @param rules        the rule IDs to report; empty means every rule
 * @param excludes     globs (relative to the audited directory) to leave out, added to {@code relia.yaml}'s
 * @param baseline     a baseline file whose findings are hidden, or null
 * @param cache        a directory where analyzers keep per-file results between runs, or null for none
 * @param includeTests audit test sources ({@link TestSources}) as production code; by default they are skipped
 * @param jars         where dependency jars already on disk may be read to resolve library types
 *                     ({@link LibraryJars#none()}: from the sources alone)
 * @param includes     folders skipped by name by default ({@code dist}, {@code build}, {@code vendor}) to audit
 *                     anyway: a folder name or a path relative to the audited directory
 */
public record AuditOptions(Set<String> rules, List<String> excludes, Path baseline, Path cache,
                           boolean includeTests, LibraryJars jars, List<String> includes) {

    public AuditOptions {
        rules = Set.copyOf(rules);
        excludes = List.copyOf(excludes);
        jars = jars == null ? LibraryJars.none() : jars;
        includes = List.copyOf(includes);
    }

    /** Options that walk no folder skipped by name. */
    public AuditOptions(Set<String> rules, List<String> excludes, Path baseline, Path cache, boolean includeTests,
                        LibraryJars jars) {
        this(rules, excludes, baseline, cache, includeTests, jars, List.of());
    }

    /** These options, auditing the folders named in {@code folders} although their names are skipped by default. */
    public AuditOptions withIncludes(List<String> folders) {
        return new AuditOptions(rules, excludes, baseline, cache, includeTests, jars, folders);
    }

    /** Options that read no dependency jars. */
    public AuditOptions(Set<String> rules, List<String> excludes, Path baseline, Path cache, boolean includeTests) {
        this(rules, excludes, baseline, cache, includeTests, LibraryJars.none());
    }

    /** Options that skip test sources. */
    public AuditOptions(Set<String> rules, List<String> excludes, Path baseline, Path cache) {
        this(rules, excludes, baseline, cache, false);
    }

    /** Options without a result cache that skip test sources. */
    public AuditOptions(Set<String> rules, List<String> excludes, Path baseline) {
        this(rules, excludes, baseline, null);
    }

    /** Every rule, no extra excludes, no baseline, no cache, no jars; test sources skipped. */
    public static AuditOptions defaults() {
        return new AuditOptions(Set.of(), List.of(), null, null);
    }

    /** These options, auditing test sources as production code or not. */
    public AuditOptions withTests(boolean audited) {
        return new AuditOptions(rules, excludes, baseline, cache, audited, jars, includes);
    }

    /** These options, resolving library types against the dependency jars in {@code where}. */
    public AuditOptions withJars(LibraryJars where) {
        return new AuditOptions(rules, excludes, baseline, cache, includeTests, where, includes);
    }

    public Optional<Path> baselineFile() {
        return Optional.ofNullable(baseline);
    }

    public Optional<Path> cacheDirectory() {
        return Optional.ofNullable(cache);
    }
}
