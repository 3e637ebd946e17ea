package io.relia.audit;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.review.ServiceInventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an analyzer sees and where its results go: the service's inputs (found by content, excludes applied, test
 * sources left out unless asked for), the rules switched on, and collectors for findings and problems. Safe for
 * analyzers running in parallel.
 */
public final class AuditContext {

    private final ServiceInventory inventory;
    private final int testFilesSkipped;
    private final Set<String> enabledRules;
    private final Path cache;
    private final LibraryJars jars;
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Evidence> evidence = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param inventory    the inputs of the directory audited
     * @param enabledRules the rule IDs to report; empty means all
     */
    public AuditContext(ServiceInventory inventory, Set<String> enabledRules) {
        this(inventory, enabledRules, null);
    }

    /**
     * @param inventory    the inputs of the directory audited; its test sources are skipped
     * @param enabledRules the rule IDs to report; empty means all
     * @param cache        a directory where analyzers may keep per-file results between runs, or null
     */
    public AuditContext(ServiceInventory inventory, Set<String> enabledRules, Path cache) {
        this(inventory, enabledRules, cache, false);
    }

    /**
     * @param inventory    the inputs of the directory audited
     * @param enabledRules the rule IDs to report; empty means all
     * @param cache        a directory where analyzers may keep per-file results between runs, or null
     * @param includeTests audit test sources ({@link TestSources}) as production code instead of skipping them
     */
    public AuditContext(ServiceInventory inventory, Set<String> enabledRules, Path cache, boolean includeTests) {
        this(inventory, enabledRules, cache, includeTests, LibraryJars.none());
    }

    /**
     * @param inventory    the inputs of the directory audited
     * @param enabledRules the rule IDs to report; empty means all
     * @param cache        a directory where analyzers may keep per-file results between runs, or null
     * @param includeTests audit test sources ({@link TestSources}) as production code instead of skipping them
     * @param jars         where dependency jars already on disk may be read ({@link LibraryJars#none()}: nowhere)
     */
    public AuditContext(ServiceInventory inventory, Set<String> enabledRules, Path cache, boolean includeTests,
                        LibraryJars jars) {
        this.jars = jars;
        this.inventory = includeTests ? inventory : TestSources.withoutTests(inventory);
        this.testFilesSkipped = includeTests ? 0 : TestSources.count(inventory);
        this.enabledRules = Set.copyOf(enabledRules);
        this.cache = cache;
    }

    /** Where an analyzer may keep results between runs (a file named after its ID in it); empty: no caching. */
    public Optional<Path> cacheDirectory() {
        return Optional.ofNullable(cache);
    }

    /** Where dependency jars already on disk may be read to resolve library types. */
    public LibraryJars jars() {
        return jars;
    }

    /** The inputs to audit: test sources are not among them unless they are audited as production code. */
    public ServiceInventory inventory() {
        return inventory;
    }

    /** How many input files were left out as test sources (0 when they are audited). */
    public int testFilesSkipped() {
        return testFilesSkipped;
    }

    /** The audited directory. */
    public Path root() {
        return inventory.root();
    }

    /** True when {@code ruleId} should be checked (skip work for rules switched off). */
    public boolean enabled(String ruleId) {
        return enabledRules.isEmpty() || enabledRules.contains(ruleId);
    }

    /** Records a finding, unless its rule is switched off. */
    public void report(Finding finding) {
        if (enabled(finding.ruleId())) {
            findings.add(finding);
        }
    }

    /** Records a problem reading an input (a parse error, an unreadable file); the audit goes on. */
    public void problem(Problem problem) {
        problems.add(problem);
    }

    /**
     * Records how the audit read the code, for the report ("types for 12 blocking-call candidates: ..."): no problem
     * and no finding, but what a reader needs to trust the result.
     */
    public void note(String text) {
        notes.add(text);
    }

    /** The notes recorded so far, in the order they were recorded. */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Records what satisfies a rule (the review shows it as the reason an item passes). */
    public void evidence(Evidence seen) {
        evidence.add(seen);
    }

    /** Everything reported so far, in no particular order. */
    public List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    public List<Problem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** The evidence recorded so far, sorted, each once. */
    public List<Evidence> evidence() {
        synchronized (evidence) {
            return evidence.stream().distinct().sorted().toList();
        }
    }
}
