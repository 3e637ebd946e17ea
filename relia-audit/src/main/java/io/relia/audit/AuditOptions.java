package io.relia.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to run an audit.
 *
 * @param rules    the rule IDs to report; empty means every rule
 * @param excludes globs (relative to the audited directory) to leave out, added to {@code relia.yaml}'s
 * @param baseline a baseline file whose findings are hidden, or null
 * @param cache    a directory where analyzers keep per-file results between runs, or null for none
 */
public record AuditOptions(Set<String> rules, List<String> excludes, Path baseline, Path cache) {

    public AuditOptions {
        rules = Set.copyOf(rules);
        excludes = List.copyOf(excludes);
    }

    /** Options without a result cache. */
    public AuditOptions(Set<String> rules, List<String> excludes, Path baseline) {
        this(rules, excludes, baseline, null);
    }

    /** Every rule, no extra excludes, no baseline, no cache. */
    public static AuditOptions defaults() {
        return new AuditOptions(Set.of(), List.of(), null, null);
    }

    public Optional<Path> baselineFile() {
        return Optional.ofNullable(baseline);
    }

    public Optional<Path> cacheDirectory() {
        return Optional.ofNullable(cache);
    }
}
