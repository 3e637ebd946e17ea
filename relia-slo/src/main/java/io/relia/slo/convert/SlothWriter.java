package io.relia.slo.convert;

import io.relia.slo.AlertTier;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes SLOs as Sloth {@code prometheus/v1} specs, one document per service. A Sloth spec holds no SLO period and no
 * alert windows: Sloth takes both from how it is run.
 */
final class SlothWriter {

    private SlothWriter() {
    }

    static List<Map<String, Object>> documents(List<Slo> slos) {
        return ServiceDocuments.of(slos, Map.of("version", "prometheus/v1"), SlothWriter::slo);
    }

    private static Map<String, Object> slo(Slo slo) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", slo.name());
        out.put("objective", NativeWriter.Numbers.decimal(slo.objective()));
        if (!slo.description().isEmpty()) {
            out.put("description", slo.description());
        }
        if (!slo.labels().isEmpty()) {
            out.put("labels", slo.labels());
        }
        out.put("sli", switch (slo.sli()) {
            case Sli.Events events -> Map.of("events", ordered("error_query", events.errorQuery(), "total_query",
                    events.totalQuery()));
            case Sli.Raw raw -> Map.of("raw", Map.of("error_ratio_query", raw.errorRatioQuery()));
        });
        Map<String, Object> alerting = new LinkedHashMap<>();
        if (!slo.alerting().name().isEmpty()) {
            alerting.put("name", slo.alerting().name());
        }
        if (!slo.alerting().labels().isEmpty()) {
            alerting.put("labels", slo.alerting().labels());
        }
        if (!slo.alerting().annotations().isEmpty()) {
            alerting.put("annotations", slo.alerting().annotations());
        }
        alerting.put("page_alert", tier(slo.alerting().page()));
        alerting.put("ticket_alert", tier(slo.alerting().ticket()));
        out.put("alerting", alerting);
        return out;
    }

    private static Map<String, Object> tier(AlertTier tier) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (tier.disabled()) {
            out.put("disable", true);
        }
        if (!tier.labels().isEmpty()) {
            out.put("labels", tier.labels());
        }
        if (!tier.annotations().isEmpty()) {
            out.put("annotations", tier.annotations());
        }
        return out;
    }

    private static Map<String, Object> ordered(String firstKey, Object first, String secondKey, Object second) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(firstKey, first);
        out.put(secondKey, second);
        return out;
    }
}
