package io.relia.slo.review;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.value.Durations;
import io.relia.slo.ErrorBudget;
import io.relia.slo.Slo;
import io.relia.slo.SloDuplicates;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review's SLO section: every SLO spec is read (native, Sloth, OpenSLO). No spec fails "SLOs defined and
 * measured"; valid specs warn until their measurement is checked against Prometheus or recorded data (relia slo
 * status). One SLO written in several formats counts once ({@link SloDuplicates}); an alert name two different SLOs
 * generate is a finding. A spec with errors fails the item through the review's own rule for inputs it could not
 * read.
 */
public final class SloAnalyzer implements ReviewAnalyzer {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    @Override
    public String id() {
        return "slo";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.SLOS_DEFINED, ChecklistItem.ERROR_BUDGET_TRACKING);
    }

    @Override
    public int order() {
        return 20;
    }

    /** {@code 3 slo-generator SLOs, 1 Nobl9 SLO}: the SLO documents of each format Relia names and does not read. */
    private static String foreignCount(ReviewContext context) {
        long generator = context.inventory().ofKind(io.relia.core.review.InputKind.SLO_GENERATOR).stream()
                .mapToLong(input -> input.documents().size()).sum();
        long nobl9 = context.inventory().ofKind(io.relia.core.review.InputKind.NOBL9).stream()
                .flatMap(input -> input.documents().stream())
                .filter(document -> document.root() instanceof io.relia.core.spec.MapNode map
                        && map.text("kind").orElse("").equals("SLO")).count();
        List<String> parts = new ArrayList<>();
        if (generator > 0) {
            parts.add(generator + " slo-generator SLO" + (generator == 1 ? "" : "s"));
        }
        if (nobl9 > 0) {
            parts.add(nobl9 + " Nobl9 SLO" + (nobl9 == 1 ? "" : "s"));
        }
        return parts.isEmpty() ? "Nobl9 objects but no SLO among them" : String.join(", ", parts);
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        // One entry per file, holding the SLO documents of every SLO format found in it.
        Map<java.nio.file.Path, List<DiscoveredInput>> byFile = new LinkedHashMap<>();
        context.inventory().inputs().stream().filter(input -> input.kind().isSlo())
                .forEach(input -> byFile.computeIfAbsent(input.path(), p -> new ArrayList<>()).add(input));
        List<DiscoveredInput> specs = byFile.values().stream().map(List::getFirst).toList();
        List<String> foreign = context.inventory().inputs().stream().filter(input -> input.kind().isForeignSlo())
                .map(input -> input.path() + ": " + io.relia.core.review.InputReading.of(input).line()).toList();
        if (specs.isEmpty() && !foreign.isEmpty()) {
            // SLOs exist, in a format Relia does not read: neither "none defined" nor a pass.
            Finding finding = new Finding("slo/not-read", Severity.MEDIUM, "no SLOs Relia reads; " + foreign.size()
                    + " file(s) hold SLOs in a format Relia names and does not read",
                    Location.wholeFile(context.inventory().root()),
                    "convert them to OpenSLO or Sloth (see docs/slo.md) so that their error budgets are checked");
            return new ReviewSection(id(), "SLOs", List.of(new Verdict(ChecklistItem.SLOS_DEFINED,
                    io.relia.core.review.CheckStatus.NOT_CHECKED, "no SLOs Relia reads; " + foreignCount(context)
                    + " found (not read: convert to OpenSLO or Sloth, see docs/slo.md)", foreign,
                    List.of(finding))), List.of(), List.of(), Map.of("notRead", foreign));
        }
        if (specs.isEmpty()) {
            Finding finding = new Finding("slo/none-defined", Severity.HIGH,
                    "no SLO spec found (native, Sloth, OpenSLO or Pyrra)",
                    Location.wholeFile(context.inventory().root()),
                    "define availability and latency SLOs in reliability/slos.yaml (see docs/slo.md)");
            return new ReviewSection(id(), "SLOs", List.of(Verdict.fail(ChecklistItem.SLOS_DEFINED,
                    "no SLOs are defined", List.of(), List.of(finding))), List.of(), List.of(), Map.of());
        }
        List<Problem> problems = new ArrayList<>();
        List<Slo> slos = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (DiscoveredInput spec : specs) {
            SloFile file = SloSpecs.read(spec.path(), byFile.get(spec.path()).stream()
                    .flatMap(input -> input.documents().stream())
                    .sorted(java.util.Comparator.comparingInt(io.relia.core.spec.SpecDocument::index)).toList());
            problems.addAll(file.problems());
            slos.addAll(file.slos());
            evidence.add(spec.path() + ": " + String.join(", ", file.formats()) + ", " + file.slos().size()
                    + (file.slos().size() == 1 ? " SLO" : " SLOs") + (file.hasErrors() ? " (invalid)" : ""));
        }
        SloDuplicates distinct = SloDuplicates.of(slos);
        evidence.addAll(sameSlos(distinct));
        List<Finding> clashes = clashes(distinct);
        List<String> written = distinct.duplicated().stream().map(same -> same.preferred().id() + " is written "
                + same.definitions().size() + " times").toList();
        String summary = distinct.count() + " valid SLOs in " + specs.size() + " files" + (written.isEmpty() ? ""
                : " (" + String.join(", ", written) + ", counted once)");
        List<Slo> measuredSlos = distinct.preferred();
        RecordedDataReview recorded = RecordedDataReview.of(measuredSlos,
                context.inventory().ofKind(io.relia.core.review.InputKind.METRICS_HISTORY), DEFAULT_PERIOD);
        problems.addAll(recorded.problems());
        // A spec with errors fails the item in the review itself, with every problem located (InputErrors).
        String clashNote = clashes.isEmpty() ? "" : "; " + clashes.size() + " alert name(s) shared by different SLOs";
        Verdict verdict;
        if (recorded.measured() == 0) {
            verdict = new Verdict(ChecklistItem.SLOS_DEFINED, io.relia.core.review.CheckStatus.WARN, summary
                    + "; measurement not checked yet (relia slo status with Prometheus or recorded data)" + clashNote,
                    evidence, clashes);
        } else {
            boolean all = recorded.measured() == measuredSlos.size();
            verdict = new Verdict(ChecklistItem.SLOS_DEFINED, all && clashes.isEmpty()
                    ? io.relia.core.review.CheckStatus.PASS : io.relia.core.review.CheckStatus.WARN, summary + "; "
                    + recorded.measured() + " measured by recorded data" + (all ? ""
                    : ", the others need relia slo status --prometheus URL") + clashNote, evidence, clashes);
        }
        List<Document.Block> blocks = new ArrayList<>(List.of(table(distinct)));
        recorded.table().ifPresent(blocks::add);
        Map<String, Object> data = new LinkedHashMap<>(data(distinct));
        data.put("recorded", recorded.data());
        return new ReviewSection(id(), "SLOs", List.of(verdict, recorded.budgetVerdict()), problems, blocks, data);
    }

    /** One evidence line per SLO written more than once: where, in which formats, and how the copies differ. */
    private static List<String> sameSlos(SloDuplicates distinct) {
        List<String> lines = new ArrayList<>();
        for (SloDuplicates.Same same : distinct.duplicated()) {
            Slo first = same.preferred();
            List<String> others = new ArrayList<>();
            for (Slo other : same.definitions().subList(1, same.definitions().size())) {
                others.add(other.id() + " (" + other.location().file() + ", " + other.spec()
                        + SloDuplicates.differences(first, other) + ")");
            }
            lines.add(first.id() + " (" + first.location().file() + ", " + first.spec() + ") is also written as "
                    + String.join(" and ", others) + ": same service and SLI, counted once");
        }
        return lines;
    }

    /** A Medium finding per alert name two different SLOs generate, at each later SLO. */
    private static List<Finding> clashes(SloDuplicates distinct) {
        List<Finding> findings = new ArrayList<>();
        for (SloDuplicates.AlertClash clash : distinct.clashes()) {
            Slo first = clash.slos().getFirst();
            for (Slo other : clash.slos().subList(1, clash.slos().size())) {
                findings.add(new Finding("slo/alert-name-clash", Severity.MEDIUM, "SLOs " + first.id() + " and "
                        + other.id() + " both generate alert " + clash.alert() + ": Prometheus gets two alert rules "
                        + "with one name, and routes, silences and runbooks by alert name cannot tell them apart",
                        other.location(), "give one of them its own alert name (Sloth alerting.name, or rename the "
                        + "SLO)"));
            }
        }
        return findings;
    }

    private static Document.Table table(SloDuplicates distinct) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (SloDuplicates.Same same : distinct.slos()) {
            Slo slo = same.preferred();
            ErrorBudget budget = ErrorBudget.of(slo, DEFAULT_PERIOD);
            rows.add(List.of(Document.Cell.of(slo.id()), Document.Cell.of(String.join(", ", same.formats())),
                    Document.Cell.of(budget.objectivePercent().stripTrailingZeros().toPlainString() + "%"),
                    Document.Cell.of(Durations.format(budget.period())),
                    Document.Cell.of(budget.minutes().stripTrailingZeros().toPlainString() + " min"),
                    Document.Cell.of(alerts(slo))));
        }
        return new Document.Table(List.of("SLO", "Formats", "Objective", "Window", "Error budget", "Alerts"), rows);
    }

    private static String alerts(Slo slo) {
        List<String> tiers = io.relia.slo.AlertPlan.of(slo, DEFAULT_PERIOD, io.relia.slo.rules.AlertWindows.GOOGLE)
                .stream().map(io.relia.slo.AlertPlan.Row::severity).distinct().toList();
        return tiers.isEmpty() ? "none" : String.join(" + ", tiers)
                + (slo.burnRateAlerts().isEmpty() ? "" : " (custom windows)");
    }

    private static Map<String, Object> data(SloDuplicates distinct) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SloDuplicates.Same same : distinct.slos()) {
            Slo slo = same.preferred();
            ErrorBudget budget = ErrorBudget.of(slo, DEFAULT_PERIOD);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", slo.id());
            view.put("spec", slo.spec());
            view.put("objectivePercent", budget.objectivePercent());
            view.put("period", Durations.format(budget.period()));
            view.put("errorBudgetMinutes", budget.minutes());
            view.put("file", slo.location().file());
            view.put("line", slo.location().line());
            view.put("formats", same.formats());
            List<Map<String, Object>> definitions = new ArrayList<>();
            for (Slo definition : same.definitions()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", definition.id());
                one.put("spec", definition.spec());
                one.put("file", definition.location().file());
                one.put("line", definition.location().line());
                definitions.add(one);
            }
            view.put("definitions", definitions);
            out.add(view);
        }
        return Map.of("slos", out);
    }
}
