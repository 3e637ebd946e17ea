package io.relia.audit;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.review.SkippedFolder;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.report.Document.Tone;
import io.relia.core.report.Report;
import io.relia.core.report.ReportJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays an {@link AuditResult} out as a report: the stable JSON view (kind {@code audit}, schema version
 * {@value #SCHEMA_VERSION}, documented in docs/audit.md) and the document people read.
 */
public final class AuditReport {

    public static final int SCHEMA_VERSION = 2;
    /** Rows of the pull-request table before the rest is summarised as "and N more". */
    static final int PULL_REQUEST_ROWS = 50;

    private AuditReport() {
    }

    /** Findings grouped by severity, each with its fix (text and HTML). */
    public static Report of(AuditResult result, String reliaVersion) {
        return new Report("audit", SCHEMA_VERSION, data(result, reliaVersion), document(result, reliaVersion));
    }

    /** A summary line and one table of at most {@value #PULL_REQUEST_ROWS} rows, for a pull-request comment. */
    public static Report forPullRequest(AuditResult result, String reliaVersion) {
        return new Report("audit", SCHEMA_VERSION, data(result, reliaVersion), pullRequest(result));
    }

    private static Map<String, Object> data(AuditResult result, String reliaVersion) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reliaVersion", reliaVersion);
        data.put("directory", result.root().toString());
        data.put("filesScanned", result.filesScanned());
        data.put("skipped", result.skipped().stream().map(folder -> Map.of("folder",
                String.valueOf(folder.relative()).replace('\\', '/'), "files", folder.files(), "why", folder.why()))
                .toList());
        data.put("testFilesSkipped", result.testFilesSkipped());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", result.findings().size());
        for (Severity severity : Severity.values()) {
            counts.put(severity.id(), result.count(severity));
        }
        counts.put("suppressed", result.suppressed().size());
        counts.put("baselined", result.baselined().size());
        data.put("counts", counts);
        Map<String, Integer> byRule = new TreeMap<>();
        result.findings().forEach(finding -> byRule.merge(finding.finding().ruleId(), 1, Integer::sum));
        data.put("countsByRule", byRule);
        data.put("findings", result.findings().stream().map(AuditReport::findingData).toList());
        data.put("suppressed", result.suppressed().stream().map(suppressed -> {
            Map<String, Object> out = findingData(suppressed.finding());
            out.put("reason", suppressed.reason());
            return out;
        }).toList());
        data.put("problems", result.problems().stream().map(ReportJson::problem).toList());
        data.put("notes", result.notes());
        return data;
    }

    private static Map<String, Object> findingData(AuditFinding audited) {
        // The one finding shape of every command, plus what only the audit has: the fingerprint baselines match.
        Map<String, Object> out = ReportJson.finding(audited.finding());
        out.put("fingerprint", audited.fingerprint());
        return out;
    }

    private static Document document(AuditResult result, String reliaVersion) {
        Document.Builder doc = new Document.Builder("Reliability audit: " + result.root());
        doc.paragraph("Relia " + reliaVersion + " · " + scope(result) + " · "
                + result.catalogue().rules().size() + (result.catalogue().rules().size() == 1 ? " rule" : " rules"));
        doc.add(new Document.Paragraph(summary(result), result.findings().isEmpty() ? Tone.GOOD : Tone.BAD));
        for (Severity severity : Severity.values()) {
            List<Document.StatusItem> items = new ArrayList<>();
            for (AuditFinding audited : result.findings()) {
                Finding finding = audited.finding();
                if (finding.severity() == severity) {
                    items.add(new Document.StatusItem(finding.location().toString(), tone(severity),
                            finding.ruleId() + "  " + finding.message(),
                            finding.fix().isEmpty() ? List.of() : List.of("fix: " + finding.fix())));
                }
            }
            if (!items.isEmpty()) {
                doc.heading(1, severity.label() + " (" + items.size() + ")");
                doc.add(new Document.StatusList(List.of("Where", "Rule and message", "Fix"), items));
            }
        }
        if (!result.suppressed().isEmpty()) {
            doc.heading(1, "Suppressed (" + result.suppressed().size() + ")");
            doc.add(new Document.BulletList(result.suppressed().stream().map(suppressed ->
                    suppressed.finding().finding().location() + "  " + suppressed.finding().finding().ruleId()
                            + "  -- " + suppressed.reason()).toList()));
        }
        problems(result, doc);
        if (!result.notes().isEmpty()) {
            doc.heading(1, "Notes");
            doc.add(new Document.BulletList(result.notes()));
        }
        return doc.build();
    }

    private static Document pullRequest(AuditResult result) {
        Document.Builder doc = new Document.Builder("Reliability audit");
        doc.paragraph(summary(result));
        if (result.testFilesSkipped() > 0) {
            doc.paragraph(scope(result));
        }
        List<AuditFinding> findings = result.findings();
        if (!findings.isEmpty()) {
            List<List<Document.Cell>> rows = new ArrayList<>();
            for (AuditFinding audited : findings.subList(0, Math.min(PULL_REQUEST_ROWS, findings.size()))) {
                Finding finding = audited.finding();
                String where = audited.path() + (finding.location().line() > 0 ? ":" + finding.location().line() : "");
                rows.add(List.of(new Document.Cell(finding.severity().label(), tone(finding.severity())),
                        Document.Cell.of(where), Document.Cell.of(finding.ruleId()),
                        Document.Cell.of(finding.message()), Document.Cell.of(finding.fix())));
            }
            doc.add(new Document.Table(List.of("Severity", "Where", "Rule", "Message", "Fix"), rows));
            if (findings.size() > PULL_REQUEST_ROWS) {
                doc.paragraph("and " + (findings.size() - PULL_REQUEST_ROWS) + " more");
            }
        }
        problems(result, doc);
        return doc.build();
    }

    private static void problems(AuditResult result, Document.Builder doc) {
        List<Problem> problems = result.problems();
        if (!problems.isEmpty()) {
            doc.heading(1, "Input problems (" + problems.size() + ")");
            doc.add(new Document.BulletList(problems.stream().map(Problem::format).toList()));
        }
    }

    /** {@code 412 files scanned, 97 test files skipped (--include-tests to audit them)}. */
    static String scope(AuditResult result) {
        String scanned = result.filesScanned() + (result.filesScanned() == 1 ? " file" : " files") + " scanned";
        String folders = SkippedFolder.note(result.skipped(), "audits").map(note -> ", " + note).orElse("");
        return scanned + result.testFilesNote().map(note -> ", " + note).orElse("") + folders;
    }

    /** {@code 3 findings: 1 critical, 2 high · 1 suppressed · 4 baselined}. */
    static String summary(AuditResult result) {
        if (result.findings().isEmpty()) {
            return "No findings" + extras(result) + ".";
        }
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long count = result.count(severity);
            if (count > 0) {
                parts.add(count + " " + severity.id());
            }
        }
        int total = result.findings().size();
        return total + (total == 1 ? " finding: " : " findings: ") + String.join(", ", parts) + extras(result);
    }

    private static String extras(AuditResult result) {
        String extras = "";
        if (!result.suppressed().isEmpty()) {
            extras += " · " + result.suppressed().size() + " suppressed";
        }
        if (!result.baselined().isEmpty()) {
            extras += " · " + result.baselined().size() + " in the baseline";
        }
        return extras;
    }

    private static Tone tone(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> Tone.BAD;
            case MEDIUM -> Tone.WARN;
            case LOW -> Tone.MUTED;
        };
    }
}
