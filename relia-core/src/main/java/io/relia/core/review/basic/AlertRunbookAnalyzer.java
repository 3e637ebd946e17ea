package io.relia.core.review.basic;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.ServiceInventory;
import io.relia.core.review.Verdict;
import io.relia.core.report.Document;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches every Prometheus alert with a runbook (by its {@code runbook_url}/{@code runbook} annotation, or a runbook
 * whose name, file name or {@code alerts} list names it) and validates the runbooks against the runbook format.
 */
public final class AlertRunbookAnalyzer implements ReviewAnalyzer {

    /**
     * One alerting rule as found in a rule file.
     *
     * @param name       the alert name
     * @param severity   its severity label, or empty
     * @param annotation the runbook annotation's value, or empty
     * @param location   where the rule starts
     * @param ruleFile   the rule file
     */
    record Alert(String name, String severity, String annotation, Location location, Path ruleFile) {
    }

    /**
     * A runbook and the names it answers to.
     *
     * @param input the runbook file
     * @param keys  normalised names (its name, file name, listed alerts)
     */
    record Runbook(DiscoveredInput input, List<String> keys) {
    }

    @Override
    public String id() {
        return "alerts";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        ServiceInventory inventory = context.inventory();
        List<Alert> alerts = alerts(inventory);
        List<Runbook> runbooks = runbooks(inventory);
        List<Problem> problems = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        runbookVerdict(inventory, alerts, runbooks, problems).ifPresent(verdicts::add);

        List<List<Document.Cell>> rows = new ArrayList<>();
        List<Finding> missing = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (Alert alert : alerts) {
            Optional<String> runbook = runbookOf(alert, runbooks, inventory.root());
            runbook.ifPresentOrElse(found -> { }, () -> missing.add(new Finding("prometheus/alert-without-runbook",
                    Severity.MEDIUM, "alert " + alert.name() + " has no runbook", alert.location(),
                    "add annotations.runbook_url, or a runbook whose name or alerts list names " + alert.name())));
            rows.add(List.of(Document.Cell.of(alert.name()), Document.Cell.of(alert.severity()),
                    Document.Cell.of(alert.location().toString()),
                    runbook.map(Document.Cell::of).orElse(new Document.Cell("none", Document.Tone.BAD))));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("alert", alert.name());
            row.put("severity", alert.severity());
            row.put("file", alert.location().file());
            row.put("line", alert.location().line());
            row.put("runbook", runbook.orElse(null));
            data.add(row);
        }
        if (!alerts.isEmpty()) {
            int covered = alerts.size() - missing.size();
            String summary = covered + " of " + alerts.size() + " alerts have a runbook";
            verdicts.add(missing.isEmpty()
                    ? Verdict.pass(ChecklistItem.ALERTS_WITH_RUNBOOKS, summary, List.of())
                    : Verdict.fail(ChecklistItem.ALERTS_WITH_RUNBOOKS, summary, List.of(), missing));
        }
        List<Document.Block> blocks = rows.isEmpty() ? List.of()
                : List.of(new Document.Table(List.of("Alert", "Severity", "Rule", "Runbook"), rows));
        return new ReviewSection(id(), "Alerts and runbooks", verdicts, problems, blocks,
                data.isEmpty() ? Map.of() : Map.of("alerts", data));
    }

    private static Optional<Verdict> runbookVerdict(ServiceInventory inventory, List<Alert> alerts,
                                                    List<Runbook> runbooks, List<Problem> problems) {
        List<DiscoveredInput> documents = inventory.ofKind(InputKind.RUNBOOK_DOCUMENT);
        if (runbooks.isEmpty() && documents.isEmpty()) {
            if (alerts.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Verdict.fail(ChecklistItem.RUNBOOKS, "no runbooks found", List.of(),
                    List.of(new Finding("review/no-runbooks", Severity.HIGH, "the service has " + alerts.size()
                            + " alerts and no runbook", Location.wholeFile(inventory.root()),
                            "write runbooks in reliability/runbooks/ (name, trigger, diagnosis_steps, "
                                    + "mitigation_options, escalation)"))));
        }
        List<Finding> invalid = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Runbook runbook : runbooks) {
            List<Problem> found = InputValidator.validateAll(runbook.input());
            problems.addAll(found);
            Optional<Problem> firstError = found.stream().filter(Problem::isError).findFirst();
            firstError.ifPresent(error -> invalid.add(new Finding("runbook/invalid", Severity.MEDIUM,
                    "runbook is not valid: " + error.message(), error.location(),
                    error.hint().isEmpty() ? "see docs/review.md for the runbook format" : error.hint())));
            evidence.add(runbook.input().relative() + (firstError.isPresent() ? " (invalid)" : ""));
        }
        documents.forEach(document -> evidence.add(document.relative() + " (Markdown, not checked)"));
        String summary = runbooks.size() + documents.size() + " runbooks; " + (runbooks.size() - invalid.size())
                + " of " + runbooks.size() + " structured runbooks valid";
        return Optional.of(invalid.isEmpty()
                ? Verdict.pass(ChecklistItem.RUNBOOKS, summary, evidence)
                : Verdict.fail(ChecklistItem.RUNBOOKS, summary, evidence, invalid));
    }

    static List<Alert> alerts(ServiceInventory inventory) {
        List<Alert> alerts = new ArrayList<>();
        for (DiscoveredInput input : inventory.ofKind(InputKind.PROMETHEUS_RULES)) {
            for (SpecDocument document : input.documents()) {
                if (!(document.root() instanceof MapNode root)) {
                    continue;
                }
                Optional<ListNode> groups = root.list("groups")
                        .or(() -> root.map("spec").flatMap(spec -> spec.list("groups")));
                groups.ifPresent(list -> list.items().forEach(group -> rules(group, input.path(), alerts)));
            }
        }
        return alerts;
    }

    private static void rules(Node group, Path file, List<Alert> alerts) {
        if (!(group instanceof MapNode groupMap)) {
            return;
        }
        groupMap.list("rules").ifPresent(rules -> rules.items().forEach(rule -> {
            if (rule instanceof MapNode ruleMap && ruleMap.text("alert").isPresent()) {
                String severity = ruleMap.map("labels").flatMap(labels -> labels.text("severity")).orElse("");
                Optional<MapNode> annotations = ruleMap.map("annotations");
                String annotation = annotations.flatMap(a -> a.text("runbook_url").or(() -> a.text("runbook")))
                        .orElse("");
                alerts.add(new Alert(ruleMap.text("alert").get(), severity, annotation, ruleMap.location(), file));
            }
        }));
    }

    private static List<Runbook> runbooks(ServiceInventory inventory) {
        List<Runbook> runbooks = new ArrayList<>();
        for (DiscoveredInput input : inventory.ofKind(InputKind.RUNBOOK)) {
            List<String> keys = new ArrayList<>();
            keys.add(normalise(stem(input.path())));
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode root) {
                    root.text("name").ifPresent(name -> keys.add(normalise(name)));
                    root.list("alerts").ifPresent(list -> list.items().forEach(item -> {
                        if (item instanceof ScalarNode scalar) {
                            keys.add(normalise(scalar.text()));
                        }
                    }));
                }
            }
            runbooks.add(new Runbook(input, keys));
        }
        for (DiscoveredInput document : inventory.ofKind(InputKind.RUNBOOK_DOCUMENT)) {
            runbooks.add(new Runbook(document, List.of(normalise(stem(document.path())))));
        }
        return runbooks;
    }

    /** The runbook that answers an alert, described for people; empty when none does. */
    private static Optional<String> runbookOf(Alert alert, List<Runbook> runbooks, Path root) {
        String key = normalise(alert.name());
        for (Runbook runbook : runbooks) {
            if (runbook.keys().contains(key)) {
                return Optional.of(runbook.input().relative().toString());
            }
        }
        String link = alert.annotation();
        if (link.isEmpty()) {
            return Optional.empty();
        }
        for (Runbook runbook : runbooks) {
            String stem = stem(runbook.input().path());
            if (link.contains(stem)) {
                return Optional.of(runbook.input().relative() + " (via annotation)");
            }
        }
        if (link.contains("://")) {
            return Optional.of(link);
        }
        boolean exists = Files.exists(alert.ruleFile().resolveSibling(link)) || Files.exists(root.resolve(link));
        return exists ? Optional.of(link) : Optional.empty();
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** {@code HighCpuUsage}, {@code high-cpu-usage} and {@code High CPU Usage} all become {@code highcpuusage}. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
