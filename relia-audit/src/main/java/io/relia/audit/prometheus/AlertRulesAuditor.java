package io.relia.audit.prometheus;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.MapNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Audits Prometheus alerting rules the way cloudflare/pint does: runbook, severity and {@code for:} on every
 * alert, rate windows that hold two scrapes, pages on symptoms rather than resource usage, and files promtool
 * accepts. Also checks that the burn-rate alerts generated from the service's SLO specs have runbooks.
 */
public final class AlertRulesAuditor implements AuditAnalyzer {

    private static final Set<String> PAGING = Set.of("page", "critical", "pager", "sev1", "p1");

    private final Supplier<Optional<Promtool>> promtoolLookup;

    /** How many alerting rules the service's rule files define. */
    public static int alertCount(ServiceInventory inventory) {
        return AlertingRule.all(inventory).size();
    }

    /**
     * The runbooks of the service no alert leads to, one finding each at where the runbook names itself: no
     * alerting rule of its rule files and no alert its SLOs generate has their name, labels or a link to their file.
     * None when the service has no alerts at all (its alerts live elsewhere: nothing to compare with).
     */
    public static List<Finding> runbooksForNoAlert(ServiceInventory inventory) {
        if (!alertsFullyRead(inventory)) {
            return List.of();
        }
        List<RunbookIndex.AlertRef> alerts = new ArrayList<>();
        AlertingRule.all(inventory).forEach(alert -> alerts.add(new RunbookIndex.AlertRef(alert.name(),
                alert.labels(), alert.runbookLink())));
        alerts.addAll(SloAlerts.generated(inventory));
        if (alerts.isEmpty()) {
            return List.of();
        }
        return RunbookIndex.of(inventory).answeringNone(alerts).stream()
                .map(entry -> new Finding("review/runbook-without-alert", Severity.LOW, "runbook " + entry.name()
                        + " answers no alert of the service (" + alerts.size() + " alerts: none has its name, "
                        + "labels or a link to it)", entry.where(), "name the alert it answers (alerts: in YAML, "
                        + "alert: in Markdown front matter), or remove the runbook if the alert is gone"))
                .toList();
    }

    /**
     * False when a file that may hold alerts (a rule file, an SLO spec, or a file of no known kind) could not be
     * read: then which runbooks answer no alert is not judged, since the missing alerts may be theirs.
     */
    public static boolean alertsFullyRead(ServiceInventory inventory) {
        return inventory.ofKind(InputKind.UNREADABLE).stream().map(DiscoveredInput::judgedAs)
                .noneMatch(kind -> kind.isEmpty() || kind.get() == InputKind.PROMETHEUS_RULES || kind.get().isSlo());
    }

    /** Uses promtool from the PATH when it is installed. */
    public AlertRulesAuditor() {
        this(Promtool::onPath);
    }

    AlertRulesAuditor(Supplier<Optional<Promtool>> promtoolLookup) {
        this.promtoolLookup = promtoolLookup;
    }

    @Override
    public String id() {
        return "prometheus";
    }

    @Override
    public List<AuditRule> rules() {
        return PrometheusRules.ALL;
    }

    @Override
    public void analyze(AuditContext context) {
        List<AlertingRule> alerts = AlertingRule.all(context.inventory());
        RunbookIndex runbooks = RunbookIndex.of(context.inventory());
        // Looking for scrape configs walks the tree: only when there are alerts to judge.
        ScrapeIntervals scrape = !alerts.isEmpty() && context.enabled(PrometheusRules.RATE_WINDOW.id())
                ? ScrapeIntervals.of(context.inventory())
                : new ScrapeIntervals(context.root(), List.of(), List.of());
        scrape.problems().forEach(context::problem);
        for (AlertingRule alert : alerts) {
            check(alert, runbooks, scrape, context);
        }
        if (context.enabled(PrometheusRules.INVALID_RULES.id())) {
            promtool(context);
        }
        if (context.enabled(PrometheusRules.SLO_ALERT_WITHOUT_RUNBOOK.id())) {
            Set<String> written = new LinkedHashSet<>();
            alerts.forEach(alert -> written.add(alert.name()));
            SloAlerts.check(context, runbooks, written);
        }
    }

    private static void check(AlertingRule alert, RunbookIndex runbooks, ScrapeIntervals scrape,
                              AuditContext context) {
        PromQlScan scan = PromQlScan.of(alert.expr());
        AlertPurpose purpose = AlertPurpose.of(alert, scan);
        // A heartbeat is never answered while it fires (an outside service pages when it stops) and is routed by
        // its name, so neither a runbook nor a severity is asked of it.
        if (purpose != AlertPurpose.HEARTBEAT
                && !runbooks.covers(alert.name(), alert.runbookLink(), alert.file(), alert.labels())) {
            report(context, PrometheusRules.WITHOUT_RUNBOOK, alert.where(), "alert " + alert.name()
                    + " has no runbook", "add annotations.runbook_url, or a runbook whose name or alerts list names "
                    + alert.name());
        }
        Optional<String> severity = alert.label("severity");
        if (severity.isEmpty() && purpose != AlertPurpose.HEARTBEAT) {
            report(context, PrometheusRules.WITHOUT_SEVERITY, alert.where(), "alert " + alert.name()
                    + " has no severity label", "add labels.severity (critical/page or warning/ticket)");
        }
        if (!alert.rule().has("for") && !scan.multiWindow() && purpose == AlertPurpose.CONDITION) {
            report(context, PrometheusRules.WITHOUT_FOR, alert.where(), "alert " + alert.name()
                    + " has no for: one bad evaluation fires it", "add for: 5m (or as long as the condition must "
                    + "hold before a person should look)");
        }
        rateWindow(alert, scan, scrape, context);
        if (purpose != AlertPurpose.HEARTBEAT
                && severity.map(s -> PAGING.contains(s.toLowerCase(Locale.ROOT))).orElse(false)) {
            causeBasedPage(alert, scan, context);
        }
    }

    private static void rateWindow(AlertingRule alert, PromQlScan scan, ScrapeIntervals scrape,
                                   AuditContext context) {
        for (PromQlScan.RangeCall call : scan.rateRanges()) {
            ScrapeIntervals.Basis basis = scrape.forCall(alert.file(), call.jobs());
            Duration minimum = basis.interval().multipliedBy(2);
            if (call.range().compareTo(minimum) < 0) {
                report(context, PrometheusRules.RATE_WINDOW, alert.exprAt(), "alert " + alert.name() + " takes "
                        + call.function() + " over [" + call.text() + "], less than two scrape intervals; "
                        + basis.reason(), "use a range of at least " + ScrapeIntervals.text(minimum)
                        + ", e.g. [" + Math.max(2, minimum.toMinutes() * 2) + "m]");
                return;
            }
        }
    }

    private static void causeBasedPage(AlertingRule alert, PromQlScan scan, AuditContext context) {
        if (MetricMeanings.causeOnly(scan)) {
            report(context, PrometheusRules.CAUSE_BASED_PAGE, alert.where(), "alert " + alert.name()
                    + " pages on resource usage only (" + String.join(", ", scan.metrics()) + ")",
                    "make it a ticket (severity: warning), and page on an error-rate or latency symptom or an SLO "
                            + "burn rate");
        }
    }

    private void promtool(AuditContext context) {
        Set<Path> files = new LinkedHashSet<>();
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.PROMETHEUS_RULES)) {
            boolean plain = input.documents().stream().allMatch(document -> document.root() instanceof MapNode map
                    && map.list("groups").isPresent());
            if (plain) {
                files.add(input.path());
            }
        }
        if (files.isEmpty()) {
            return;
        }
        Optional<Promtool> promtool = promtoolLookup.get();
        if (promtool.isEmpty()) {
            context.problem(Problem.warning(Location.wholeFile(context.root()), "promtool is not installed, so "
                    + files.size() + " rule files were not checked with promtool check rules (rule "
                    + PrometheusRules.INVALID_RULES.id() + ")", "", "install Prometheus' promtool "
                    + "(apt-get install prometheus) and put it on the PATH"));
            return;
        }
        for (Path file : files) {
            try {
                for (Promtool.Error error : promtool.get().checkRules(file)) {
                    report(context, PrometheusRules.INVALID_RULES, error.location(), "promtool check rules: "
                            + error.message(), "fix the rule so that promtool check rules " + file + " passes");
                }
            } catch (IOException failed) {
                context.problem(Problem.warning(Location.wholeFile(file), "promtool check rules could not run: "
                        + failed.getMessage()));
            }
        }
    }

    static void report(AuditContext context, AuditRule rule, Location location, String message, String fix) {
        context.report(new Finding(rule.id(), rule.severity(), message, location, fix));
    }
}
