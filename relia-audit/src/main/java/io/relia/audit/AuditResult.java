package io.relia.audit;

import io.relia.audit.baseline.Baseline;
import io.relia.core.Problem;
import io.relia.core.review.SkippedFolder;
import io.relia.core.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an audit found.
 *
 * @param root         the audited directory
 * @param findings     findings to report (not suppressed, not in the baseline), most severe first, then by place
 * @param suppressed   findings hidden by inline suppressions, with their reasons
 * @param baselined    findings the baseline hid
 * @param problems     problems reading inputs or running analyzers, sorted
 * @param evidence     what satisfied the rules (a JSON log encoder, a circuit breaker), sorted; rules switched off
 *                     or suppressions do not hide it
 * @param filesScanned files looked at (after exclusions)
 * @param testFilesSkipped input files left out as test sources ({@link TestSources}); 0 with tests included
 * @param catalogue    every rule known to the analyzers that ran
 * @param notes        how the audit read the code (which mechanism typed the blocking calls), in order
 * @param skipped      folders left out by name (build output, dependencies) with their file counts
 */
public record AuditResult(Path root, List<AuditFinding> findings, List<SuppressedFinding> suppressed,
                          List<AuditFinding> baselined,
                          List<Problem> problems, List<Evidence> evidence, int filesScanned,
                          int testFilesSkipped, RuleCatalogue catalogue, List<String> notes,
                          List<SkippedFolder> skipped) {

    /** A result of a walk that skipped no folder by name. */
    public AuditResult(Path root, List<AuditFinding> findings, List<SuppressedFinding> suppressed,
                       List<AuditFinding> baselined, List<Problem> problems, List<Evidence> evidence, int filesScanned,
                       int testFilesSkipped, RuleCatalogue catalogue, List<String> notes) {
        this(root, findings, suppressed, baselined, problems, evidence, filesScanned, testFilesSkipped, catalogue,
                notes, List.of());
    }

    public AuditResult {
        skipped = List.copyOf(skipped);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        baselined = List.copyOf(baselined);
        problems = List.copyOf(problems);
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
    }

    /** The evidence on one topic, sorted. */
    public List<Evidence> evidence(Evidence.Topic topic) {
        return evidence.stream().filter(seen -> seen.topic() == topic).toList();
    }

    /** The most severe reported finding, if any. */
    public Optional<Severity> worstSeverity() {
        return findings.stream().map(finding -> finding.finding().severity()).sorted().findFirst();
    }

    /** A baseline accepting every finding not suppressed inline (reported now or already in the baseline). */
    public Baseline baseline() {
        List<Baseline.Entry> entries = new ArrayList<>();
        for (List<AuditFinding> list : List.of(findings, baselined)) {
            list.forEach(finding -> entries.add(new Baseline.Entry(finding.finding().ruleId(), finding.path(),
                    finding.fingerprint(), finding.finding().message())));
        }
        return new Baseline(entries);
    }

    /** "97 test files skipped (--include-tests to audit them)", or empty when no test file was skipped. */
    public Optional<String> testFilesNote() {
        return testFilesSkipped == 0 ? Optional.empty() : Optional.of(testFilesSkipped
                + (testFilesSkipped == 1 ? " test file" : " test files") + " skipped (--include-tests to audit them)");
    }

    /** How many reported findings have this severity. */
    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.finding().severity() == severity).count();
    }
}
