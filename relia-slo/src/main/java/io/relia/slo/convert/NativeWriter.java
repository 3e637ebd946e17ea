package io.relia.slo.convert;

import io.relia.core.value.Durations;
import io.relia.slo.AlertTier;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes SLOs as native specs ({@code docs/slo.md}): one document per service, explicit error and total queries. */
final class NativeWriter {

    private NativeWriter() {
    }

    static List<Map<String, Object>> documents(List<Slo> slos) {
        return ServiceDocuments.of(slos, Map.of(), NativeWriter::slo);
    }

    private static Map<String, Object> slo(Slo slo) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", slo.name());
        if (!slo.description().isEmpty()) {
            out.put("description", slo.description());
        }
        out.put("target", Numbers.plain(slo.objective()) + "%");
        slo.period().ifPresent(period -> out.put("window", Durations.formatPrometheus(period)));
        if (!slo.labels().isEmpty()) {
            out.put("labels", slo.labels());
        }
        Map<String, Object> sli = new LinkedHashMap<>();
        switch (slo.sli()) {
            case Sli.Events events -> {
                sli.put("errors", events.errorQuery());
                sli.put("total", events.totalQuery());
            }
            // Native reads a query as the ratio of good events.
            case Sli.Raw raw -> sli.put("query", "1 - (" + raw.errorRatioQuery() + ")");
        }
        out.put("sli", sli);
        if (slo.extensions().weightedPeriod()) {
            out.put("period_sli", "weighted");
        }
        Map<String, Object> alerting = new LinkedHashMap<>();
        tier(slo.alerting().page(), "page", alerting);
        tier(slo.alerting().ticket(), "ticket", alerting);
        if (slo.extensions().minTrafficPerSecond() > 0) {
            alerting.put("min_traffic", Numbers.decimal(slo.extensions().minTrafficPerSecond()));
        }
        if (!alerting.isEmpty()) {
            out.put("alerting", alerting);
        }
        if (!slo.burnRateAlerts().isEmpty()) {
            List<Object> alerts = new ArrayList<>();
            for (BurnRateAlert alert : slo.burnRateAlerts()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("window", Durations.formatPrometheus(alert.longWindow()));
                entry.put("burn_rate", Numbers.plain(alert.factor()));
                entry.put("severity", alert.severity().isEmpty() ? (alert.page() ? "critical" : "warning")
                        : alert.severity());
                alerts.add(entry);
            }
            out.put("error_budget", Map.of("burn_rate_alerts", alerts));
        }
        return out;
    }

    private static void tier(AlertTier tier, String key, Map<String, Object> alerting) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (tier.disabled()) {
            out.put("disable", true);
        }
        tier.forDuration().ifPresent(duration -> out.put("for", Durations.formatPrometheus(duration)));
        if (!tier.labels().isEmpty()) {
            out.put("labels", tier.labels());
        }
        if (!tier.annotations().isEmpty()) {
            out.put("annotations", tier.annotations());
        }
        if (!out.isEmpty()) {
            alerting.put(key, out);
        }
    }

    /** Plain decimal text of the doubles the model holds. */
    static final class Numbers {
        private Numbers() {
        }

        static String plain(double value) {
            return decimal(value).toPlainString();
        }

        static BigDecimal decimal(double value) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros();
        }
    }
}
