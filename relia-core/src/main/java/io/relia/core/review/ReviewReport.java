package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Document.Tone;
import io.relia.core.report.Report;
import io.relia.core.report.ReportJson;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays a {@link ReviewResult} out as a report: the JSON view (schema version {@value #SCHEMA_VERSION}, documented
 * in docs/review.md) and the document people read.
 */
public final class ReviewReport {

    public static final int SCHEMA_VERSION = 2;

    private ReviewReport() {
    }

    /** Lists of files and evidence longer than this are counted in the text, HTML and Markdown forms. */
    static final int SHORT_LIST = 6;

    public static Report of(ReviewResult result, String reliaVersion) {
        return of(result, reliaVersion, false);
    }

    /**
     * @param verbose list every input file and every line of evidence; otherwise long lists are cut to their first
     *                lines and a count (the JSON form is always complete)
     */
    public static Report of(ReviewResult result, String reliaVersion, boolean verbose) {
        return new Report("review", SCHEMA_VERSION, data(result, reliaVersion),
                document(result, reliaVersion, verbose));
    }

    private static Map<String, Object> data(ReviewResult result, String reliaVersion) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reliaVersion", reliaVersion);
        data.put("service", result.inventory().serviceName());
        data.put("directory", result.inventory().root().toString());
        data.put("date", result.date().toString());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (CheckStatus status : CheckStatus.values()) {
            summary.put(status.id(), result.count(status));
        }
        summary.put("unreadableFiles", result.unreadableFiles().size());
        data.put("summary", summary);
        data.put("filesScanned", result.inventory().filesScanned());
        data.put("excluded", result.inventory().excluded());
        data.put("skipped", result.inventory().skipped().stream().map(folder -> Map.of("folder",
                String.valueOf(folder.relative()).replace('\\', '/'), "files", folder.files(), "why", folder.why()))
                .toList());
        data.put("inputs", result.inventory().inputs().stream().map(input -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("path", input.path().toString());
            out.put("kind", input.kind().id());
            out.put("documents", input.documents().size());
            return out;
        }).toList());
        data.put("checklist", result.checklist().stream().map(ReviewReport::entryData).toList());
        data.put("findings", result.findings().stream().map(ReportJson::finding).toList());
        data.put("problems", result.problems().stream().map(ReportJson::problem).toList());
        Map<String, Object> sections = new LinkedHashMap<>();
        result.sections().stream().filter(section -> !section.data().isEmpty())
                .forEach(section -> sections.put(section.id(), section.data()));
        data.put("sections", sections);
        return data;
    }

    private static Map<String, Object> entryData(ChecklistEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.item().id());
        out.put("category", entry.item().category().title());
        out.put("title", entry.item().title());
        out.put("status", entry.status().id());
        out.put("summary", entry.summary());
        out.put("evidence", entry.evidence());
        out.put("findings", entry.findings().stream().map(ReportJson::finding).toList());
        out.put("checkedBy", entry.checkedBy());
        return out;
    }

    private static Document document(ReviewResult result, String reliaVersion, boolean verbose) {
        ServiceInventory inventory = result.inventory();
        Document.Builder doc = new Document.Builder("Production readiness review: " + inventory.serviceName());
        doc.paragraph("Directory " + inventory.root() + " · " + result.date() + " · Relia " + reliaVersion);
        doc.add(new Document.Paragraph(summaryLine(result),
                result.count(CheckStatus.FAIL) > 0 || !result.unreadableFiles().isEmpty() ? Tone.BAD : Tone.PLAIN));
        doc.add(new Document.Chart(summaryChart(result)));

        doc.heading(1, "Inputs found");
        doc.paragraph(inventory.inputs().size() + " inputs in " + inventory.filesScanned() + " files scanned"
                + (inventory.excluded().isEmpty() ? "" : "; excluded by relia.yaml: "
                + String.join(", ", inventory.excluded())) + inventory.skippedNote().map(note -> "; " + note)
                .orElse(""));
        doc.add(inputsTable(inventory, verbose));

        doc.heading(1, "Checklist");
        for (var category : io.relia.core.review.ChecklistItem.Category.values()) {
            doc.heading(2, category.title());
            List<Document.StatusItem> items = new ArrayList<>();
            for (ChecklistEntry entry : result.checklist()) {
                if (entry.item().category() == category) {
                    items.add(statusItem(entry, verbose));
                }
            }
            doc.add(new Document.StatusList(items));
        }

        List<Finding> findings = result.findings();
        doc.heading(1, "Findings (" + findings.size() + ")");
        if (findings.isEmpty()) {
            doc.paragraph("No findings from the checks that ran.");
        } else {
            List<Document.StatusItem> items = new ArrayList<>();
            for (Finding finding : findings) {
                List<String> details = new ArrayList<>();
                details.add(finding.message());
                if (!finding.fix().isEmpty()) {
                    details.add("fix: " + finding.fix());
                }
                items.add(new Document.StatusItem(finding.severity().label(), tone(finding),
                        finding.location() + "  [" + finding.ruleId() + "]", details));
            }
            doc.add(new Document.StatusList(List.of("Severity", "Where and rule", "What and how to fix"), items));
        }

        for (ReviewSection section : result.sections()) {
            if (!section.blocks().isEmpty()) {
                doc.heading(1, section.title());
                section.blocks().forEach(doc::add);
            }
        }

        List<Problem> problems = result.problems();
        if (!problems.isEmpty()) {
            doc.heading(1, "Input problems (" + problems.size() + ")");
            doc.add(new Document.BulletList(problems.stream().map(Problem::format).toList()));
        }
        return doc.build();
    }

    private static String summaryLine(ReviewResult result) {
        int unreadable = result.unreadableFiles().size();
        return result.count(CheckStatus.PASS) + " pass · " + result.count(CheckStatus.FAIL) + " fail · "
                + result.count(CheckStatus.WARN) + " warn · " + result.count(CheckStatus.MANUAL) + " manual · "
                + result.count(CheckStatus.NOT_CHECKED) + " not checked (of " + result.checklist().size()
                + " items)" + (unreadable == 0 ? "" : " · " + unreadable + (unreadable == 1 ? " input file" :
                " input files") + " could not be read or validated");
    }

    private static ChartData summaryChart(ReviewResult result) {
        List<String> categories = new ArrayList<>();
        for (var category : ChecklistItem.Category.values()) {
            categories.add(category.title());
        }
        List<ChartData.Series> series = new ArrayList<>();
        Map<CheckStatus, String> colours = Map.of(CheckStatus.PASS, "#2e7d32", CheckStatus.FAIL, "#c62828",
                CheckStatus.WARN, "#ef6c00", CheckStatus.MANUAL, "#90a4ae", CheckStatus.NOT_CHECKED, "#cfd8dc");
        for (CheckStatus status : List.of(CheckStatus.PASS, CheckStatus.WARN, CheckStatus.FAIL, CheckStatus.MANUAL,
                CheckStatus.NOT_CHECKED)) {
            List<Double> values = new ArrayList<>();
            for (var category : ChecklistItem.Category.values()) {
                values.add((double) result.checklist().stream()
                        .filter(entry -> entry.item().category() == category && entry.status() == status).count());
            }
            series.add(new ChartData.Series(status.label().toLowerCase(java.util.Locale.ROOT), values,
                    colours.get(status)));
        }
        return new ChartData("Checklist by category", ChartData.Kind.STACKED_BAR, categories, series, "", "items");
    }

    private static Document.Table inputsTable(ServiceInventory inventory, boolean verbose) {
        Map<InputKind, List<DiscoveredInput>> byKind = new TreeMap<>();
        inventory.inputs().forEach(input -> byKind.computeIfAbsent(input.kind(), k -> new ArrayList<>()).add(input));
        List<List<Document.Cell>> rows = new ArrayList<>();
        byKind.forEach((kind, inputs) -> {
            List<String> paths = inputs.stream().map(input -> input.path() + input.likely()
                    .map(likely -> " (likely " + likely.title() + ")").orElse("")).toList();
            String shown = !verbose && paths.size() > SHORT_LIST / 2
                    ? paths.size() + " files under " + commonDirectory(paths) : String.join(", ", paths);
            rows.add(List.of(new Document.Cell(kind.title(), kind == InputKind.UNREADABLE ? Tone.BAD : Tone.PLAIN),
                    Document.Cell.of(shown), reading(kind, inputs)));
        });
        if (rows.isEmpty()) {
            rows.add(List.of(new Document.Cell("nothing", Tone.WARN),
                    Document.Cell.of("no SLOs, runbooks, manifests, rules or sources were recognised"),
                    Document.Cell.of("")));
        }
        return new Document.Table(List.of("Kind", "Files", "Read"), rows);
    }

    /** Whether Relia reads files of this kind: read, parsed only, or not read with what to do instead. */
    private static Document.Cell reading(InputKind kind, List<DiscoveredInput> inputs) {
        if (kind == InputKind.UNREADABLE) {
            return new Document.Cell("no: see the input problems", Tone.BAD);
        }
        List<SpecDocument> documents = inputs.stream().flatMap(input -> input.documents().stream()).toList();
        InputReading reading = InputReading.of(kind, documents, InputValidator.understands(kind));
        return switch (reading.status()) {
            case READ -> Document.Cell.of("read" + (reading.reason().isEmpty() ? "" : " " + reading.reason()));
            case PARSED_ONLY -> Document.Cell.of("parsed only");
            case NOT_READ -> new Document.Cell("not read: " + reading.reason(), Tone.WARN);
        };
    }

    private static String commonDirectory(List<String> paths) {
        String common = paths.getFirst();
        for (String path : paths) {
            while (!path.startsWith(common)) {
                common = common.substring(0, Math.max(0, common.length() - 1));
            }
        }
        int slash = common.lastIndexOf('/');
        return slash < 0 ? "./" : common.substring(0, slash + 1);
    }

    private static Document.StatusItem statusItem(ChecklistEntry entry, boolean verbose) {
        List<String> details = new ArrayList<>();
        details.add(entry.summary());
        if (verbose || entry.evidence().size() <= SHORT_LIST) {
            details.addAll(entry.evidence());
        } else {
            details.addAll(entry.evidence().subList(0, SHORT_LIST - 1));
            details.add("... and " + (entry.evidence().size() - SHORT_LIST + 1) + " more (relia review --verbose "
                    + "lists them all)");
        }
        for (Finding finding : entry.findings()) {
            details.add(finding.location() + ": " + finding.message()
                    + (finding.fix().isEmpty() ? "" : " (fix: " + finding.fix() + ")"));
        }
        return new Document.StatusItem(entry.status().label(), tone(entry.status()), entry.item().title(), details);
    }

    private static Tone tone(CheckStatus status) {
        return switch (status) {
            case PASS -> Tone.GOOD;
            case FAIL -> Tone.BAD;
            case WARN -> Tone.WARN;
            case MANUAL, NOT_CHECKED -> Tone.MUTED;
        };
    }

    private static Tone tone(Finding finding) {
        return switch (finding.severity()) {
            case CRITICAL, HIGH -> Tone.BAD;
            case MEDIUM -> Tone.WARN;
            case LOW -> Tone.PLAIN;
        };
    }
}
