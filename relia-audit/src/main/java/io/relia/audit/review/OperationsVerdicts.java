package io.relia.audit.review;

import io.relia.audit.prometheus.AlertRulesAuditor;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Alerts with runbooks, and the runbooks themselves, from the Prometheus and runbook rules. */
final class OperationsVerdicts {

    private OperationsVerdicts() {
    }

    static List<Verdict> of(Audited audited) {
        List<Verdict> verdicts = new ArrayList<>();
        alerts(audited, verdicts);
        runbooks(audited, verdicts);
        return verdicts;
    }

    private static void alerts(Audited audited, List<Verdict> verdicts) {
        int alerts = AlertRulesAuditor.alertCount(audited.inventory());
        List<Finding> ruleFiles = audited.findings(id -> id.equals("prometheus/alert-without-runbook"));
        List<Finding> fromSlos = audited.findings(id -> id.equals("runbook/slo-alert-without-runbook"));
        if (alerts == 0 && fromSlos.isEmpty()) {
            return;
        }
        List<Finding> missing = new ArrayList<>(ruleFiles);
        missing.addAll(fromSlos);
        String summary = (alerts - ruleFiles.size()) + " of " + alerts + " alerts have a runbook"
                + (fromSlos.isEmpty() ? "" : "; " + fromSlos.size() + " SLO-generated alert(s) have none");
        verdicts.add(missing.isEmpty() ? Verdict.pass(ChecklistItem.ALERTS_WITH_RUNBOOKS, summary, List.of())
                : Verdict.fail(ChecklistItem.ALERTS_WITH_RUNBOOKS, summary, List.of(), missing));
    }

    private static void runbooks(Audited audited, List<Verdict> verdicts) {
        List<DiscoveredInput> structured = audited.inventory().ofKind(InputKind.RUNBOOK);
        List<DiscoveredInput> documents = audited.inventory().ofKind(InputKind.RUNBOOK_DOCUMENT);
        if (structured.isEmpty() && documents.isEmpty()) {
            int alerts = AlertRulesAuditor.alertCount(audited.inventory());
            if (alerts > 0) {
                verdicts.add(Verdict.fail(ChecklistItem.RUNBOOKS, "no runbooks found", List.of(),
                        List.of(new Finding("review/no-runbooks", Severity.HIGH, "the service has " + alerts
                                + " alerts and no runbook", Location.wholeFile(audited.inventory().root()),
                                "write runbooks in reliability/runbooks/ (name, trigger, diagnosis_steps, "
                                        + "mitigation_options, escalation)"))));
            }
            return;
        }
        // Runbooks that do not validate fail this item through the review's rule for unreadable inputs; the
        // audit's runbook rules add what a valid runbook can still lack, and a runbook no alert leads to is listed.
        List<Finding> weak = audited.findings(id -> id.startsWith("runbook/")
                && !id.equals("runbook/slo-alert-without-runbook"));
        List<Finding> forNoAlert = AlertRulesAuditor.runbooksForNoAlert(audited.inventory());
        List<String> evidence = new ArrayList<>();
        if (!AlertRulesAuditor.alertsFullyRead(audited.inventory())) {
            evidence.add("which runbooks answer no alert is not judged: a file that may hold alerts could not be read");
        }
        structured.forEach(input -> evidence.add(input.path().toString()));
        documents.forEach(input -> evidence.add(input.path() + " (Markdown)"));
        int count = structured.size() + documents.size();
        Map<String, Long> byRule = new TreeMap<>(weak.stream().collect(Collectors.groupingBy(Finding::ruleId,
                Collectors.counting())));
        String summary = count + (count == 1 ? " runbook" : " runbooks")
                + (forNoAlert.isEmpty() ? "" : "; " + forNoAlert.size() + " answer no alert of the service")
                + (weak.isEmpty() ? "" : "; " + weak.size() + " gap(s) in their steps ("
                + byRule.entrySet().stream().map(rule -> rule.getValue() + " " + rule.getKey())
                .collect(Collectors.joining(", ")) + ")");
        List<Finding> gaps = new ArrayList<>(forNoAlert);
        gaps.addAll(weak);
        verdicts.add(gaps.isEmpty() ? Verdict.pass(ChecklistItem.RUNBOOKS, summary, evidence)
                : new Verdict(ChecklistItem.RUNBOOKS, CheckStatus.WARN, summary, evidence, gaps));
    }
}
