package io.relia.slo.grafana;

import io.relia.slo.Slo;
import io.relia.slo.rules.AlertWindows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Grafana dashboards over the Sloth-compatible rules {@code relia slo generate} writes: an overview of every SLO
 * ({@code slo-overview.json}) and one dashboard per service ({@code slo-<service>.json}) with, per SLO, the SLI
 * against its objective, the error budget left, the burn rate over each alert window with the thresholds the alerts
 * use, and the alerts' state. Panels read only the recorded series and {@code ALERTS}, never the raw metrics.
 */
public final class GrafanaDashboards {

    /**
     * The dashboard JSON model version written: 41, what Grafana 11.6 to 12.1 export. Later releases move dashboards
     * to 42 on load, a migration (grafana#110517: fields hidden from the graph are hidden from tooltips too) that
     * finds nothing to change here, so the files mean the same from Grafana 11.6 onwards. We do not write 42, which
     * Grafana 11.6 to 12.1 have never seen.
     */
    public static final int SCHEMA_VERSION = 41;

    /** Grafana's limit on a dashboard or datasource UID, in characters. */
    public static final int MAX_UID_LENGTH = 40;

    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_UID_LENGTH + "}");

    /**
     * Options of one run.
     *
     * @param datasourceUid a fixed Prometheus datasource UID for every panel; empty adds a {@code datasource}
     *                      template variable instead, so one file serves every Grafana
     * @param generator     who generated the dashboards ({@code relia-0.1.0}), named in their descriptions
     */
    public record Options(Optional<String> datasourceUid, String generator) {

        public Options {
            Objects.requireNonNull(generator, "generator");
            Objects.requireNonNull(datasourceUid, "datasourceUid").filter(uid -> !isValidUid(uid)).ifPresent(uid -> {
                throw new IllegalArgumentException("not a Grafana UID: " + uid);
            });
        }
    }

    /**
     * One generated dashboard.
     *
     * @param fileName the file to write it to ({@code slo-checkout.json})
     * @param uid      its Grafana UID, stable across runs
     * @param title    its title
     * @param json     the dashboard JSON, 2-space indented, ending in a newline
     */
    public record Dashboard(String fileName, String uid, String title, String json) {

        public Dashboard {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(json, "json");
        }
    }

    private GrafanaDashboards() {
    }

    /**
     * The overview and one dashboard per service, services in the order they first appear; the same SLOs and
     * options always give byte-identical dashboards.
     *
     * @param slos          the SLOs, as read from the spec files
     * @param defaultPeriod the SLO period of SLOs that name none, as given to rule generation
     * @param windows       the alert windows the rules were generated with
     * @param options       datasource and generator
     * @return nothing when there are no SLOs, else the overview first, then the service dashboards
     */
    public static List<Dashboard> of(List<Slo> slos, Duration defaultPeriod, AlertWindows windows, Options options) {
        if (slos.isEmpty()) {
            return List.of();
        }
        Map<String, List<Slo>> byService = new LinkedHashMap<>();
        slos.forEach(slo -> byService.computeIfAbsent(slo.service(), service -> new ArrayList<>()).add(slo));
        DashboardJson json = new DashboardJson(options);
        List<Dashboard> dashboards = new ArrayList<>();
        dashboards.add(new OverviewDashboard(json, defaultPeriod).build(slos));
        ServiceDashboard service = new ServiceDashboard(json, defaultPeriod, windows);
        byService.forEach((name, serviceSlos) -> dashboards.add(service.build(name, serviceSlos)));
        return List.copyOf(dashboards);
    }

    /** True for a UID Grafana accepts: letters, digits, {@code -} and {@code _}, at most 40 characters. */
    public static boolean isValidUid(String uid) {
        return uid != null && UID.matcher(uid).matches();
    }
}
