package io.relia.slo.pyrra;

import io.relia.core.Problems;
import io.relia.core.value.Durations;
import io.relia.slo.Slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an SLO as a Pyrra ServiceLevelObjective, the inverse of {@link PyrraReader}: service as namespace, labels and
 * alert annotations prefixed {@code pyrra.dev/}, the SLI as the Pyrra indicator whose error ratio it is. What Pyrra
 * cannot state is reported at the SLO, and nothing is written for it.
 */
public final class PyrraWriter {

    private PyrraWriter() {
    }

    /**
     * The resource as a YAML-ready mapping.
     *
     * @param slo           the SLO
     * @param defaultPeriod the window for an SLO that names no period (Pyrra requires one)
     * @param problems      where refusals go, located at the SLO
     */
    public static Optional<Map<String, Object>> document(Slo slo, Duration defaultPeriod, Problems problems) {
        long before = problems.errorCount();
        Optional<PyrraQueries.Indicator> indicator = PyrraQueries.indicator(slo.sli());
        if (indicator.isEmpty()) {
            problems.error(slo.location(), "SLO \"" + slo.id() + "\": the SLI is none of Pyrra's indicators",
                    "errors and total counters (ratio), a histogram's le bucket and count (latency), a 0/1 gauge "
                            + "(bool_gauge) or a native histogram (latencyNative), as sum(rate(...)) per group",
                    "Pyrra reads metric selectors, not PromQL expressions");
        }
        boolean page = !slo.alerting().page().disabled();
        boolean ticket = !slo.alerting().ticket().disabled();
        if (page != ticket) {
            problems.error(slo.location(), "SLO \"" + slo.id() + "\" alerts on " + (page ? "pages" : "tickets")
                    + " only", "both tiers on or both off", "Pyrra switches all its burn-rate alerts with "
                    + "alerting.burnrates");
        }
        if (problems.errorCount() > before) {
            return Optional.empty();
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", slo.name());
        metadata.put("namespace", slo.service());
        if (!slo.labels().isEmpty()) {
            metadata.put("labels", prefixed(slo.labels()));
        }
        // The native reader copies the description into an annotation; Pyrra has it as spec.description already.
        Map<String, String> annotations = new LinkedHashMap<>(slo.alerting().annotations());
        annotations.remove("description", slo.description());
        if (!annotations.isEmpty()) {
            metadata.put("annotations", prefixed(annotations));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!slo.description().isEmpty()) {
            spec.put("description", slo.description());
        }
        spec.put("target", new BigDecimal(Double.toString(slo.objective())).stripTrailingZeros().toPlainString());
        spec.put("window", Durations.formatPrometheus(slo.period().orElse(defaultPeriod)));
        spec.put("indicator", indicator(indicator.get()));
        Map<String, Object> alerting = alerting(slo, page);
        if (!alerting.isEmpty()) {
            spec.put("alerting", alerting);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", PyrraReader.SPEC);
        document.put("kind", PyrraReader.KIND);
        document.put("metadata", metadata);
        document.put("spec", spec);
        return Optional.of(document);
    }

    private static Map<String, Object> indicator(PyrraQueries.Indicator indicator) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (indicator.kind()) {
            case RATIO -> {
                fields.put("errors", Map.of("metric", indicator.first()));
                fields.put("total", Map.of("metric", indicator.total()));
            }
            case LATENCY -> {
                fields.put("success", Map.of("metric", indicator.first()));
                fields.put("total", Map.of("metric", indicator.total()));
            }
            case LATENCY_NATIVE -> {
                fields.put("latency", Durations.formatPrometheus(indicator.latency()));
                fields.put("total", Map.of("metric", indicator.total()));
            }
            case BOOL_GAUGE -> fields.put("metric", indicator.total());
        }
        if (!indicator.grouping().isEmpty()) {
            fields.put("grouping", indicator.grouping());
        }
        return Map.of(indicator.kind().key(), fields);
    }

    private static Map<String, Object> alerting(Slo slo, boolean on) {
        Map<String, Object> alerting = new LinkedHashMap<>();
        if (!on) {
            alerting.put("burnrates", false);
            return alerting;
        }
        if (!slo.alerting().name().equals(ObjectiveReader.DEFAULT_ALERT)) {
            alerting.put("name", slo.alerting().name());
        }
        String page = slo.alerting().page().labels().getOrDefault("severity", "critical");
        String ticket = slo.alerting().ticket().labels().getOrDefault("severity", "warning");
        if (!page.equals("critical") || !ticket.equals("warning")) {
            Map<String, Object> severities = new LinkedHashMap<>();
            severities.put("fastBurn", page);
            severities.put("mediumBurn", page);
            severities.put("slowBurn", ticket);
            severities.put("longTermBurn", ticket);
            alerting.put("severities", severities);
        }
        return alerting;
    }

    private static Map<String, String> prefixed(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(PyrraReader.GROUP + key, value));
        return out;
    }
}
