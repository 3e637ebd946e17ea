package io.relia.audit;

import io.relia.audit.baseline.Baseline;
import io.relia.audit.baseline.Fingerprints;
import io.relia.core.Finding;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.Suggestions;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs the reliability audit over a directory: finds its inputs, runs every analyzer, then applies inline
 * {@code relia:ignore} suppressions and the baseline. Never prints; an analyzer that fails becomes a problem and the
 * others go on.
 */
public final class Auditor {

    /** More analyzers than this on the class path is a configuration bug. */
    private static final int MAX_PROVIDERS = 1_000;

    private final List<AuditAnalyzer> analyzers;
    private final RuleCatalogue catalogue;
    private final List<Problem> loadProblems;

    /**
     * An auditor over the analyzers installed on the class path ({@link ServiceLoader}); one that cannot be loaded
     * becomes a problem of every audit, and the others still run.
     */
    public Auditor() {
        this(Installed.load());
    }

    private Auditor(Installed installed) {
        this(installed.analyzers(), installed.problems());
    }

    private Auditor(List<AuditAnalyzer> analyzers, List<Problem> loadProblems) {
        this.analyzers = List.copyOf(analyzers);
        this.catalogue = RuleCatalogue.of(this.analyzers);
        this.loadProblems = List.copyOf(loadProblems);
    }

    /**
     * An auditor over the given analyzers.
     *
     * @throws IllegalStateException when two analyzers declare the same rule ID
     */
    public Auditor(List<AuditAnalyzer> analyzers) {
        this(analyzers, List.of());
    }

    /** The analyzers {@link ServiceLoader} finds, and a problem for each one that cannot be loaded. */
    private record Installed(List<AuditAnalyzer> analyzers, List<Problem> problems) {

        static Installed load() {
            List<AuditAnalyzer> analyzers = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            Iterator<AuditAnalyzer> providers = ServiceLoader.load(AuditAnalyzer.class).iterator();
            // Bounded: a broken provider entry must not make the loop spin for ever.
            for (int attempt = 0; attempt < MAX_PROVIDERS; attempt++) {
                try {
                    if (!providers.hasNext()) {
                        return new Installed(analyzers, problems);
                    }
                    analyzers.add(providers.next());
                } catch (ServiceConfigurationError | LinkageError broken) {
                    problems.add(Problem.error(new Location("META-INF/services/" + AuditAnalyzer.class.getName(),
                            0, 0), "an analyzer cannot be loaded: " + broken.getMessage(), "",
                            "this is a bug in Relia; please report it"));
                }
            }
            return new Installed(analyzers, problems);
        }
    }

    public RuleCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Audits {@code root} (an existing directory, checked by the caller).
     *
     * @throws InputException for unknown rule IDs, invalid exclude globs or an unreadable baseline
     */
    public AuditResult run(Path root, AuditOptions options) {
        checkGlobs(options.excludes());
        return audit(InputDiscovery.scan(root, options.excludes(), options.includes()), options, true);
    }

    /**
     * Audits inputs already discovered (as {@code relia review} has them), without scanning the directory again;
     * the inventory's own problems are the caller's to report. {@code options.excludes()} are not applied here.
     */
    public AuditResult run(ServiceInventory inventory, AuditOptions options) {
        return audit(inventory, options, false);
    }

    private AuditResult audit(ServiceInventory found, AuditOptions options, boolean reportInventoryProblems) {
        checkRules(options.rules());
        Optional<Baseline> baseline = options.baselineFile().map(Baseline::read);
        Path root = found.root();
        AuditContext context = new AuditContext(found, options.rules(), options.cache(), options.includeTests(),
                options.jars());
        ServiceInventory inventory = context.inventory();
        List<Problem> problems = new ArrayList<>(reportInventoryProblems ? inventory.problems() : List.of());
        problems.addAll(loadProblems);
        for (AuditAnalyzer analyzer : analyzers) {
            try {
                analyzer.analyze(context);
            } catch (RuntimeException | LinkageError | StackOverflowError failure) {
                problems.add(Problem.error(Location.wholeFile(root), "analyzer " + analyzer.id() + " failed: "
                        + failure, "", "this is a bug in Relia; please report it"));
            }
        }
        problems.addAll(context.problems());
        // Never a clean audit from a partial read: a file that could not be read or validated is a finding.
        List<Finding> findings = new ArrayList<>(context.findings().stream()
                .filter(finding -> options.includeTests() || !inTests(root, finding)).toList());
        problems.stream().filter(Problem::isError).distinct().map(inventory::inputFinding).forEach(findings::add);

        SourceFiles sources = new SourceFiles(root);
        List<AuditFinding> all = fingerprinted(findings.stream().sorted().toList(), sources);
        Map<String, List<InlineSuppression>> suppressions = suppressions(inventory, all, sources, problems);

        List<AuditFinding> reported = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        List<AuditFinding> baselined = new ArrayList<>();
        for (AuditFinding finding : all) {
            Optional<InlineSuppression> suppression = suppressions.getOrDefault(finding.path(), List.of()).stream()
                    .filter(InlineSuppression::hasReason)
                    .filter(candidate -> candidate.covers(finding.finding().ruleId(),
                            finding.finding().location().line()))
                    .findFirst();
            if (suppression.isPresent()) {
                suppressed.add(new SuppressedFinding(finding, suppression.get().reason()));
            } else if (baseline.isPresent() && baseline.get().contains(finding.fingerprint())) {
                baselined.add(finding);
            } else {
                reported.add(finding);
            }
        }
        // Notes say how an input was read (relia validate and slo explain show them); they are no input problem.
        List<Problem> inputProblems = problems.stream().filter(problem -> !problem.isNote()).distinct().sorted()
                .toList();
        return new AuditResult(root, reported, suppressed, baselined, inputProblems, context.evidence(),
                inventory.filesScanned(), context.testFilesSkipped(), catalogue, context.notes(),
                inventory.skipped());
    }

    /**
     * Findings another command made (relia review) as an audit result over {@code root}: paths and fingerprints
     * as the audit gives them, so they can be written as SARIF with the audit's rule metadata.
     */
    public AuditResult ofFindings(Path root, List<Finding> findings, List<Problem> problems) {
        List<AuditFinding> fingerprinted = fingerprinted(findings.stream().distinct().sorted().toList(),
                new SourceFiles(root));
        return new AuditResult(root, fingerprinted, List.of(), List.of(), problems, List.of(), 0, 0, catalogue,
                List.of());
    }

    /** A finding placed in a test source by an analyzer that walks the tree itself: dropped with the tests. */
    private static boolean inTests(Path root, Finding finding) {
        String file = finding.location().file();
        return !file.isEmpty() && TestSources.isTest(root, Path.of(file));
    }

    private void checkRules(Set<String> rules) {
        List<Problem> problems = new ArrayList<>();
        for (String id : rules.stream().sorted().toList()) {
            if (catalogue.find(id).isEmpty()) {
                String hint = Suggestions.closest(id, catalogue.ids()).map(near -> "did you mean " + near + "?")
                        .orElse("relia audit --list-rules lists them");
                problems.add(Problem.error(new Location("--rules", 0, 0), "unknown rule \"" + id + "\"",
                        catalogue.ids().isEmpty() ? "no rules are installed" : "one of " + String.join(", ",
                                catalogue.ids()), hint));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    private static void checkGlobs(List<String> globs) {
        for (String glob : globs) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException invalid) {
                throw new InputException(Problem.error(new Location("--exclude", 0, 0), "invalid glob \"" + glob
                        + "\": " + invalid.getMessage(), "a glob relative to the directory, e.g. examples/**", ""));
            }
        }
    }

    /** Adds paths and fingerprints; the occurrence index counts findings with the same rule, path and line text. */
    private static List<AuditFinding> fingerprinted(List<Finding> findings, SourceFiles sources) {
        List<Finding> byPlace = findings.stream()
                .sorted(Comparator.comparing(Finding::location).thenComparing(Finding::ruleId)
                        .thenComparing(Finding::message))
                .toList();
        Map<String, Integer> occurrences = new HashMap<>();
        List<AuditFinding> inPlaceOrder = new ArrayList<>();
        for (Finding finding : byPlace) {
            String path = sources.relative(finding.location().file());
            String text = sources.line(finding.location().file(), finding.location().line());
            String key = finding.ruleId() + '\u0000' + path + '\u0000' + Fingerprints.normalise(text);
            int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
            AuditFinding fingerprinted = new AuditFinding(finding, path,
                    Fingerprints.of(finding.ruleId(), path, text, occurrence));
            inPlaceOrder.add(fingerprinted);
        }
        return inPlaceOrder.stream().sorted(Comparator.comparing(AuditFinding::finding)).toList();
    }

    /** Suppressions by relative path, in every input and every file with a finding; warns about reasonless ones. */
    private static Map<String, List<InlineSuppression>> suppressions(ServiceInventory inventory,
                                                                     List<AuditFinding> findings,
                                                                     SourceFiles sources, List<Problem> problems) {
        Set<String> files = new LinkedHashSet<>();
        inventory.inputs().stream().map(DiscoveredInput::path).map(Path::toString).forEach(files::add);
        findings.stream().map(finding -> finding.finding().location().file()).forEach(files::add);
        Map<String, List<InlineSuppression>> byPath = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String file : files) {
            String path = sources.relative(file);
            if (!seen.add(path)) {
                continue;
            }
            List<InlineSuppression> found = InlineSuppression.find(sources.lines(file));
            byPath.put(path, found);
            for (InlineSuppression suppression : found) {
                if (!suppression.hasReason() || suppression.ruleIds().isEmpty()) {
                    problems.add(Problem.warning(new Location(file, suppression.line(), suppression.column()),
                            "relia:ignore without " + (suppression.ruleIds().isEmpty() ? "a rule ID" : "a reason")
                                    + " suppresses nothing",
                            "relia:ignore <rule-id>[,<rule-id>] -- <reason>",
                            "say why the finding is acceptable after --"));
                }
            }
        }
        return byPath;
    }
}
