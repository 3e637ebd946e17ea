package io.relia.audit.review;

import io.relia.audit.Evidence;
import io.relia.core.Finding;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Metrics, structured logging and tracing, from the Java observability rules: FAIL with the rule's finding, PASS
 * with what satisfied it (the library, the endpoint, the encoder, the propagation), MANUAL naming the evidence to
 * show when the code holds nothing to judge. No Java at all: no verdict, the item's fallback says what to show.
 */
final class ObservabilityVerdicts {

    private ObservabilityVerdicts() {
    }

    static List<Verdict> of(Audited audited) {
        int java = audited.files(InputKind.JAVA_SOURCE);
        if (java == 0) {
            return List.of();
        }
        String scope = java + " Java file(s)";
        List<String> metricsEvidence = new ArrayList<>(Audited.lines(audited.evidence(Evidence.Topic.REQUEST_METRICS)));
        List<String> endpoints = Audited.lines(audited.evidence(Evidence.Topic.METRICS_ENDPOINT));
        metricsEvidence.addAll(endpoints);
        if (endpoints.isEmpty()) {
            metricsEvidence.add("no scrape endpoint found in the code: show where Prometheus (or the OTLP "
                    + "collector) reads these metrics");
        }
        return List.of(
                verdict(ChecklistItem.METRICS_EXPOSED, audited.findings(Set.of("java/handler-without-metrics")),
                        audited.evidence(Evidence.Topic.REQUEST_METRICS).isEmpty() ? List.of() : metricsEvidence,
                        endpoints.isEmpty() ? "requests are counted by status and timed (RED metrics)"
                                : "requests are counted by status and timed (RED metrics) and served for scraping",
                        "the service serves HTTP but records no request metrics",
                        "relia audit found no HTTP handler and no request metrics in " + scope + "; show the "
                                + "service's request rate, error and duration metrics and where they are scraped"),
                verdict(ChecklistItem.STRUCTURED_LOGGING, audited.findings(Set.of("java/unstructured-logging")),
                        Audited.lines(audited.evidence(Evidence.Topic.STRUCTURED_LOGGING)),
                        "logs are written as JSON", "the service writes plain-text logs",
                        "relia audit found no logging configuration to judge in " + scope + "; show a production "
                                + "log line: one JSON object per event with level, message and trace id"),
                verdict(ChecklistItem.DISTRIBUTED_TRACING, audited.findings(Set.of("java/outbound-without-tracing")),
                        Audited.lines(audited.evidence(Evidence.Topic.TRACE_PROPAGATION)),
                        "trace context is propagated on outbound calls",
                        "outbound calls carry no trace context",
                        "relia audit found no outbound call and no tracing in " + scope + "; if the service calls "
                                + "others, show a trace that crosses it (a traceparent header on its outbound "
                                + "calls)"));
    }

    private static Verdict verdict(ChecklistItem item, List<Finding> findings, List<String> evidence, String passed,
                                   String failed, String nothingToJudge) {
        if (!findings.isEmpty()) {
            return Verdict.fail(item, "relia audit: " + failed, evidence, findings);
        }
        if (!evidence.isEmpty()) {
            return Verdict.pass(item, passed, evidence);
        }
        return Verdict.manual(item, nothingToJudge, List.of());
    }
}
