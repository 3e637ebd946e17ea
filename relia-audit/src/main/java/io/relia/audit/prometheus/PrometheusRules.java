package io.relia.audit.prometheus;

import io.relia.audit.AuditRule;
import io.relia.audit.AuditRule.Precision;
import io.relia.core.Severity;

import java.util.List;

/** The Prometheus alerting-rule rules of the audit catalogue (in the spirit of cloudflare/pint). */
final class PrometheusRules {

    static final AuditRule WITHOUT_RUNBOOK = new AuditRule("prometheus/alert-without-runbook",
            "Alert without runbook", Severity.MEDIUM,
            "An alerting rule with no runbook_url (or runbook) annotation that leads somewhere, and no runbook of the "
                    + "service that names it (runbook name, file name or alerts list).",
            "The alert wakes a person who then starts from nothing. pint enforces the same with alerts/annotation "
                    + "configured to require runbook_url. Medium: the alert still fires, the response is slower.",
            "- alert: PaymentsLatencyHigh\n  expr: ...",
            "- alert: PaymentsLatencyHigh\n  expr: ...\n  annotations:\n"
                    + "    runbook_url: https://runbooks/payments-latency",
            Precision.HIGH, List.of("prometheus", "alerting", "runbook"));

    static final AuditRule WITHOUT_SEVERITY = new AuditRule("prometheus/alert-without-severity",
            "Alert without severity label", Severity.MEDIUM, "An alerting rule without a severity label.",
            "Alertmanager routes on labels: without a severity an alert falls to the default route, and either "
                    + "pages for trivia or is never seen. pint rule/label with a required severity label.",
            "labels:\n  team: payments", "labels:\n  team: payments\n  severity: warning",
            Precision.VERY_HIGH, List.of("prometheus", "alerting"));

    static final AuditRule WITHOUT_FOR = new AuditRule("prometheus/alert-without-for", "Alert without for",
            Severity.LOW,
            "An alerting rule without a for: duration whose expression is not a multi-window burn-rate condition "
                    + "(two or more windows joined with and).",
            "Without for, one bad scrape or evaluation fires and resolves the alert: flapping pages teach people to "
                    + "ignore them. Multi-window burn-rate alerts are exempt: their short window already debounces "
                    + "(SRE Workbook, Alerting on SLOs). pint rule/for with a minimum.",
            "- alert: InstanceDown\n  expr: up == 0", "- alert: InstanceDown\n  expr: up == 0\n  for: 5m",
            Precision.HIGH, List.of("prometheus", "alerting", "flapping"));

    static final AuditRule RATE_WINDOW = new AuditRule("prometheus/rate-window-too-short",
            "rate() window shorter than two scrapes", Severity.MEDIUM,
            "rate, irate or increase over a range shorter than two scrape intervals (scrape_interval from the "
                    + "service's prometheus.yml, default 1m).",
            "rate needs at least two samples in its range; with one the result is empty, so the alert silently "
                    + "never fires (or flaps when a scrape is late). pint promql/range_query and promql/rate.",
            "rate(http_requests_total[1m])", "rate(http_requests_total[5m])",
            Precision.HIGH, List.of("prometheus", "promql"));

    static final AuditRule CAUSE_BASED_PAGE = new AuditRule("prometheus/cause-based-page",
            "Page on a cause, not a symptom", Severity.MEDIUM,
            "An alert with severity page or critical whose expression reads only CPU, memory or disk usage metrics "
                    + "(node_cpu*, container_cpu*, container_memory*, process_resident_memory*, node_filesystem*, "
                    + "...).",
            "High CPU is not an outage: users feel errors and latency. Paging on causes wakes people for nothing "
                    + "and misses the outages that do not raise CPU (Google SRE book, Monitoring Distributed "
                    + "Systems: alert on symptoms). Make it a ticket, or page on an SLO burn rate instead.",
            "- alert: HighCpu\n  expr: rate(container_cpu_usage_seconds_total[5m]) > 0.9\n"
                    + "  labels: {severity: critical}",
            "- alert: HighCpu\n  expr: ...\n  labels: {severity: warning}",
            Precision.MEDIUM, List.of("prometheus", "alerting", "symptoms"));

    static final AuditRule INVALID_RULES = new AuditRule("prometheus/invalid-rules", "Rule file promtool rejects",
            Severity.HIGH,
            "A rule file that promtool check rules rejects (bad PromQL, bad duration, unknown field).",
            "Prometheus refuses to load the whole file: every alert in it is silently gone until someone reads the "
                    + "server log. pint promql/syntax and yaml/parse.",
            "expr: rate(http_requests_total[5m] > 1", "expr: rate(http_requests_total[5m]) > 1",
            Precision.VERY_HIGH, List.of("prometheus", "promtool"));

    static final AuditRule SLO_ALERT_WITHOUT_RUNBOOK = new AuditRule("runbook/slo-alert-without-runbook",
            "SLO alert without runbook", Severity.MEDIUM,
            "An SLO whose generated burn-rate alert (Sloth naming) has no runbook_url in the spec's alerting "
                    + "annotations and no runbook of the service that names it.",
            "Burn-rate pages are the alerts that matter most; each needs a runbook as much as a hand-written alert.",
            "alerting:\n  name: CheckoutAvailability",
            "alerting:\n  name: CheckoutAvailability\n  annotations:\n    runbook_url: https://runbooks/checkout",
            Precision.HIGH, List.of("slo", "alerting", "runbook"));

    static final List<AuditRule> ALL = List.of(WITHOUT_RUNBOOK, WITHOUT_SEVERITY, WITHOUT_FOR, RATE_WINDOW,
            CAUSE_BASED_PAGE, INVALID_RULES, SLO_ALERT_WITHOUT_RUNBOOK);

    private PrometheusRules() {
    }
}
