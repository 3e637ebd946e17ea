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
                    + "service that names it (runbook name, file name or alerts list). Heartbeats are exempt: an "
                    + "always-firing alert (a constant expression such as vector(1), an alert named Watchdog or "
                    + "DeadMansSwitch, or one its annotations call a dead man's switch or always firing).",
            "The alert wakes a person who then starts from nothing. pint enforces the same with alerts/annotation "
                    + "configured to require runbook_url. Medium: the alert still fires, the response is slower. A "
                    + "heartbeat wakes nobody while it fires: the outside service that pages when it stops carries "
                    + "that runbook.",
            "- alert: PaymentsLatencyHigh\n  expr: ...",
            "- alert: PaymentsLatencyHigh\n  expr: ...\n  annotations:\n"
                    + "    runbook_url: https://runbooks/payments-latency",
            Precision.HIGH, List.of("prometheus", "alerting", "runbook"));

    static final AuditRule WITHOUT_SEVERITY = new AuditRule("prometheus/alert-without-severity",
            "Alert without severity label", Severity.MEDIUM,
            "An alerting rule without a severity label. Heartbeats (always-firing alerts, as for "
                    + "alert-without-runbook) are exempt.",
            "Alertmanager routes on labels: without a severity an alert falls to the default route, and either "
                    + "pages for trivia or is never seen. pint rule/label with a required severity label. A heartbeat "
                    + "is routed by its name to the dead man's switch receiver (kube-prometheus gives Watchdog "
                    + "severity none), so no severity decides its route.",
            "labels:\n  team: payments", "labels:\n  team: payments\n  severity: warning",
            Precision.VERY_HIGH, List.of("prometheus", "alerting"));

    static final AuditRule WITHOUT_FOR = new AuditRule("prometheus/alert-without-for", "Alert without for",
            Severity.LOW,
            "An alerting rule without a for: duration whose expression is not a multi-window burn-rate condition "
                    + "(two or more windows joined with and). Exempt: heartbeats (always-firing alerts such as "
                    + "Watchdog, expr: vector(1)); meta-alerts that read only ALERTS (kube-prometheus' "
                    + "InfoInhibitor); deadlines: a certificate's or token's time left (a metric named *_ttl_seconds, "
                    + "*expiry*, *expiration*, *not_after*) or time() minus a timestamp (age of a last success).",
            "Without for, one bad scrape or evaluation fires and resolves the alert: flapping pages teach people to "
                    + "ignore them. Multi-window burn-rate alerts are exempt: their short window already debounces "
                    + "(SRE Workbook, Alerting on SLOs). pint rule/for with a minimum. The exempt kinds cannot flap: "
                    + "a heartbeat is meant to fire at once and forever, the alerts a meta-alert reads already "
                    + "waited their own for:, and a deadline crosses its threshold once; for: would only delay them.",
            "- alert: InstanceDown\n  expr: up == 0", "- alert: InstanceDown\n  expr: up == 0\n  for: 5m",
            Precision.HIGH, List.of("prometheus", "alerting", "flapping"));

    static final AuditRule RATE_WINDOW = new AuditRule("prometheus/rate-window-too-short",
            "rate() window shorter than two scrapes", Severity.MEDIUM,
            "rate, irate or increase over a range shorter than two scrape intervals. The interval is read from the "
                    + "tree: prometheus.yml (global.scrape_interval, default 1m, and each job's scrape_interval; also "
                    + "inside a ConfigMap), ServiceMonitor endpoints[].interval, PodMonitor "
                    + "podMetricsEndpoints[].interval and a Prometheus resource's spec.scrapeInterval (default 30s). "
                    + "A prometheus.yml whose rule_files name the rule file applies first; else those nearest above "
                    + "it. The interval of the job the rate reads (job=\"...\") applies when a source names it, else "
                    + "the shortest found, and the finding says which; with none, 60 s is assumed and said.",
            "rate needs at least two samples in its range; with one the result is empty, so the alert silently "
                    + "never fires (or flaps when a scrape is late). pint promql/range_query and promql/rate. A "
                    + "scrape interval that is written but cannot be read is reported as a problem, not replaced by "
                    + "the default.",
            "rate(http_requests_total[1m])", "rate(http_requests_total[5m])",
            Precision.HIGH, List.of("prometheus", "promql"));

    static final AuditRule CAUSE_BASED_PAGE = new AuditRule("prometheus/cause-based-page",
            "Page on a cause, not a symptom", Severity.MEDIUM,
            "An alert with severity page or critical whose expression reads only saturation metrics: how busy a "
                    + "resource is (CPU, memory use, load average, pressure, GC time, threads, goroutines, disk and "
                    + "network throughput), judged by a table of metric meanings, not by prefix. Limits and sizes "
                    + "(resource limits, filesystem size) decide nothing; a failure (device or network errors, failed "
                    + "RAID disks, up, OOM kills, *_errors_total), a deadline (certificate expiry) or the headroom of "
                    + "a finite resource (filesystem space and inodes, volumes, file descriptors, conntrack) makes "
                    + "the page legitimate, as does any metric the table does not know.",
            "High CPU is not an outage: users feel errors and latency. Paging on causes wakes people for nothing "
                    + "and misses the outages that do not raise CPU (Google SRE book, Monitoring Distributed "
                    + "Systems: alert on symptoms). Make it a ticket, or page on an SLO burn rate instead. A resource "
                    + "that runs out (a full disk, no file descriptors left) fails writes and connections with "
                    + "often no symptom before: Rob Ewaschuk's My Philosophy on Alerting accepts a page on such an "
                    + "imminent cause, and kube-prometheus (runbooks.prometheus-operator.dev) pages on filling "
                    + "filesystems, failed devices and expiring certificates while it only warns on CPU and memory.",
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
