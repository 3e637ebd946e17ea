package io.relia.slo.rules;

import io.relia.core.value.Durations;
import io.relia.slo.AlertTier;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the Prometheus rules Sloth generates for an SLO, with the same group, record and alert names, labels,
 * annotations and expressions, so dashboards and alert routes built for Sloth keep working: SLI error-ratio
 * recordings for every alert window and the period, metadata recordings, and the page and ticket multi-window
 * multi-burn-rate alerts (SRE Workbook, "Alerting on SLOs").
 */
public final class SlothRules {

    /**
     * Options of one generation run.
     *
     * @param defaultPeriod SLO period for SLOs that name none (Sloth: 30d)
     * @param extraLabels   labels added to every recording rule ({@code --extra-labels})
     * @param version       value of the {@code sloth_version} info label
     * @param windows       alert windows
     * @param byPeriod      alert windows for particular SLO periods (Sloth's AlertWindows specs), before
     *                      {@code windows}
     */
    public record Options(Duration defaultPeriod, Map<String, String> extraLabels, String version,
                          AlertWindows windows, Map<Duration, AlertWindows> byPeriod) {

        public Options {
            extraLabels = Map.copyOf(extraLabels);
            byPeriod = Map.copyOf(byPeriod);
        }

        public Options(Duration defaultPeriod, Map<String, String> extraLabels, String version,
                       AlertWindows windows) {
            this(defaultPeriod, extraLabels, version, windows, Map.of());
        }

        /** The alert windows of an SLO period: its own when given, else {@code windows} with scaled factors. */
        public AlertWindows windowsFor(Duration period) {
            return byPeriod.getOrDefault(period, windows);
        }

        public static Options defaults(String version) {
            return new Options(Duration.ofDays(30), Map.of(), version, AlertWindows.GOOGLE);
        }
    }

    private static final String PAGE_TITLE = "(page) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error "
            + "budget burn rate is too fast.";
    private static final String TICKET_TITLE = "(ticket) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error "
            + "budget burn rate is too fast.";
    private static final String SUMMARY = "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn "
            + "rate is over expected.";

    private SlothRules() {
    }

    /** The three rule groups of one SLO (the alert group only when an alert tier is on). */
    public static List<RuleGroup> generate(Slo slo, Options options) {
        Duration period = slo.period().orElse(options.defaultPeriod());
        return SlothPluginChain.apply(slo, options.extraLabels(), sliRecordings(slo, period, options),
                metaRecordings(slo, period, options), alerts(slo, period, options.windowsFor(period)));
    }

    /** {@code slo:sli_error:ratio_rate5m}, named with Prometheus' duration form ({@code 4w} for 28 days). */
    public static String sliRecord(Duration window) {
        return "slo:sli_error:ratio_rate" + Durations.formatPrometheus(window);
    }

    /** The selector of an SLO's own series: {@code {sloth_id="...", sloth_service="...", sloth_slo="..."}}. */
    static String selector(Slo slo) {
        return "{sloth_id=\"" + escape(slo.id()) + "\", sloth_service=\"" + escape(slo.service())
                + "\", sloth_slo=\"" + escape(slo.name()) + "\"}";
    }

    /** A PromQL string literal's content: backslashes and quotes escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, String> baseLabels(Slo slo, Options options) {
        Map<String, String> labels = new LinkedHashMap<>(slo.labels());
        labels.putAll(options.extraLabels());
        labels.put("sloth_id", slo.id());
        labels.put("sloth_service", slo.service());
        labels.put("sloth_slo", slo.name());
        return labels;
    }

    /** The SLI windows of an SLO: the default alert windows, or its custom ones, and its period. */
    static List<Duration> recordingWindows(Slo slo, Duration period, Options options) {
        if (slo.burnRateAlerts().isEmpty()) {
            return options.windowsFor(period).recordingWindows(period);
        }
        java.util.TreeSet<Duration> windows = new java.util.TreeSet<>();
        for (BurnRateAlert alert : slo.burnRateAlerts()) {
            windows.add(alert.shortWindow());
            windows.add(alert.longWindow());
        }
        windows.add(period);
        return List.copyOf(windows);
    }

    private static List<Rule> sliRecordings(Slo slo, Duration period, Options options) {
        List<Duration> windows = recordingWindows(slo, period, options);
        Duration shortest = windows.getFirst();
        List<Rule> rules = new ArrayList<>();
        for (Duration window : windows) {
            Map<String, String> labels = baseLabels(slo, options);
            labels.put("sloth_window", Durations.formatPrometheus(window));
            boolean weighted = slo.extensions().weightedPeriod() && slo.sli() instanceof Sli.Events;
            String expr = window.equals(period) && !window.equals(shortest) && !weighted
                    ? periodExpression(slo, shortest, period)
                    : windowExpression(slo.sli(), Durations.formatPrometheus(window));
            rules.add(new Rule.Recording(sliRecord(window), expr, labels));
        }
        return rules;
    }

    private static String windowExpression(Sli sli, String window) {
        return switch (sli) {
            case Sli.Events events -> "(" + events.errorQuery().replace(Sli.WINDOW, window) + ")\n/\n("
                    + events.totalQuery().replace(Sli.WINDOW, window) + ")\n";
            case Sli.Raw raw -> "(" + raw.errorRatioQuery().replace(Sli.WINDOW, window) + ")\n";
        };
    }

    /** Sloth's "optimized" period SLI: the mean of the shortest window's ratios over the period. */
    private static String periodExpression(Slo slo, Duration shortest, Duration period) {
        String series = sliRecord(shortest) + selector(slo) + "[" + Durations.formatPrometheus(period) + "]";
        return "sum_over_time(" + series + ")\n/ ignoring (sloth_window)\ncount_over_time(" + series + ")\n";
    }

    private static List<Rule> metaRecordings(Slo slo, Duration period, Options options) {
        String objective = GoFloat.g(slo.objective() / 100);
        String selector = selector(slo);
        String shortest = sliRecord(recordingWindows(slo, period, options).getFirst());
        List<Rule> rules = new ArrayList<>();
        Map<String, String> labels = baseLabels(slo, options);
        rules.add(new Rule.Recording("slo:objective:ratio", "vector(" + objective + ")", labels));
        rules.add(new Rule.Recording("slo:error_budget:ratio", "vector(1-" + objective + ")", labels));
        rules.add(new Rule.Recording("slo:time_period:days", "vector(" + GoFloat.g(period.toMillis() / 86_400_000.0)
                + ")", labels));
        rules.add(new Rule.Recording("slo:current_burn_rate:ratio", shortest + selector
                + "\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio" + selector + "\n",
                labels));
        rules.add(new Rule.Recording("slo:period_burn_rate:ratio", sliRecord(period) + selector
                + "\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio" + selector + "\n",
                labels));
        rules.add(new Rule.Recording("slo:period_error_budget_remaining:ratio",
                "1 - slo:period_burn_rate:ratio" + selector, labels));
        Map<String, String> info = new LinkedHashMap<>(labels);
        info.put("sloth_mode", mode(slo.spec()));
        info.put("sloth_objective", GoFloat.f(slo.objective()));
        info.put("sloth_spec", slo.spec());
        info.put("sloth_version", options.version());
        rules.add(new Rule.Recording("sloth_slo_info", "vector(1)", info));
        return rules;
    }

    /** Sloth's {@code sloth_mode}: the CLI's mode for the kind of spec the SLO was read from. */
    static String mode(String spec) {
        return switch (spec) {
            case "sloth.slok.dev/v1" -> "cli-gen-k8s";
            case "openslo/v1alpha", "openslo/v1" -> "cli-gen-openslo";
            default -> "cli-gen-prom";
        };
    }

    private static List<Rule> alerts(Slo slo, Duration period, AlertWindows windows) {
        List<Rule> alerts = new ArrayList<>();
        String budget = GoFloat.g(slo.errorBudgetRatio());
        AlertTier page = slo.alerting().page();
        AlertTier ticket = slo.alerting().ticket();
        if (!slo.burnRateAlerts().isEmpty()) {
            for (boolean paging : new boolean[] {true, false}) {
                List<BurnRateAlert> tier = slo.burnRateAlerts().stream().filter(a -> a.page() == paging).toList();
                AlertTier spec = paging ? page : ticket;
                if (!tier.isEmpty() && !spec.disabled()) {
                    alerts.add(alert(slo, spec, paging ? "page" : "ticket", paging ? PAGE_TITLE : TICKET_TITLE,
                            customWindows(slo, tier, budget)));
                }
            }
            return alerts;
        }
        if (!page.disabled()) {
            alerts.add(alert(slo, page, "page", PAGE_TITLE,
                    multiWindow(slo, windows.pageQuick(), windows.pageSlow(), period, budget)));
        }
        if (!ticket.disabled()) {
            alerts.add(alert(slo, ticket, "ticket", TICKET_TITLE,
                    multiWindow(slo, windows.ticketQuick(), windows.ticketSlow(), period, budget)));
        }
        return alerts;
    }

    private static Rule.Alert alert(Slo slo, AlertTier tier, String severity, String title, String expr) {
        Map<String, String> labels = new LinkedHashMap<>(slo.alerting().labels());
        slo.burnRateAlerts().stream().filter(a -> a.page() == severity.equals("page")).map(BurnRateAlert::severity)
                .filter(value -> !value.isEmpty()).findFirst().ifPresent(value -> labels.put("severity", value));
        labels.putAll(tier.labels());
        labels.put("sloth_severity", severity);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("title", title);
        annotations.put("summary", SUMMARY);
        annotations.putAll(slo.alerting().annotations());
        annotations.putAll(tier.annotations());
        return new Rule.Alert(slo.alerting().name(), expr, tier.forDuration().map(Durations::formatPrometheus), labels,
                annotations);
    }

    private static String multiWindow(Slo slo, AlertWindows.Window quick, AlertWindows.Window slow, Duration period,
                                      String budget) {
        return "(\n" + pair(slo, quick, period, budget) + ")\nor\n(\n" + pair(slo, slow, period, budget) + ")\n";
    }

    private static String pair(Slo slo, AlertWindows.Window window, Duration period, String budget) {
        return pair(slo, window.shortWindow(), window.longWindow(), window.factor(period), budget);
    }

    private static String pair(Slo slo, Duration shortWindow, Duration longWindow, double factor, String budget) {
        String threshold = " > (" + GoFloat.g(factor) + " * " + budget + ")) without (sloth_window)\n";
        String single = "    max(" + sliRecord(longWindow) + selector(slo) + threshold;
        // A single-window alert (an OpenSLO burnrate condition) has its short window equal to its long one.
        String pair = shortWindow.equals(longWindow) ? single
                : "    max(" + sliRecord(shortWindow) + selector(slo) + threshold + "    and\n" + single;
        return pair + trafficGuard(slo, longWindow);
    }

    /**
     * With a minimum traffic, a window pair only counts when the total event rate over its long window reaches it:
     * three failed requests at night are 100% errors but no reason to wake anyone.
     */
    private static String trafficGuard(Slo slo, Duration longWindow) {
        if (slo.extensions().minTrafficPerSecond() <= 0 || !(slo.sli() instanceof Sli.Events events)) {
            return "";
        }
        return "    and on()\n    (" + events.totalQuery().replace(Sli.WINDOW, Durations.formatPrometheus(longWindow))
                + ") >= " + GoFloat.g(slo.extensions().minTrafficPerSecond()) + "\n";
    }

    /** A spec's own burn-rate alerts of one tier: any of its window pairs firing fires the alert. */
    private static String customWindows(Slo slo, List<BurnRateAlert> tier, String budget) {
        List<String> pairs = tier.stream().map(alert -> "(\n" + pair(slo, alert.shortWindow(), alert.longWindow(),
                alert.factor(), budget) + ")\n").toList();
        return String.join("or\n", pairs);
    }
}
