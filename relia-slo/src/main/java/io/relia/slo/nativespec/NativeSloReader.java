package io.relia.slo.nativespec;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.value.Durations;
import io.relia.core.value.Ratio;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Sli;
import io.relia.slo.Slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Relia's native SLO format (its structure validated first against {@code schemas/slo.schema.json}) in both shapes users write today (seed 002's "Example SLO Definition" with
 * {@code sli.metric} and {@code measurement_window}; seed 003's "Output Formats" with {@code sli.query},
 * {@code window} and {@code error_budget.burn_rate_alerts}) and translates each SLI into an error ratio.
 */
public final class NativeSloReader {

    static final String SPEC = "relia/v1";
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final List<String> TYPES = List.of("availability", "latency", "throughput", "freshness",
            "correctness");
    private static final double MINUTES_TOLERANCE = 0.5;

    private NativeSloReader() {
    }

    /** A native spec: {@code service} and a {@code slos} list, and none of the other formats' markers. */
    public static boolean accepts(MapNode root) {
        return root.has("service") && root.has("slos") && !root.has("version")
                && !root.has("apiVersion");
    }

    public static List<Slo> read(MapNode root, Problems problems) {
        Fields file = new Fields(root, problems, "");
        Optional<String> service = file.requireText("service", "the service name");
        Map<String, String> labels = file.textMap("labels");
        List<BurnRateAlert> policy = file.child("error_budget_policy")
                .map(NativeSloReader::burnRateAlerts).orElse(List.of());
        List<Slo> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (Fields slo : file.children("slos").orElse(List.of())) {
            slo(slo, service.orElse(""), labels, policy).ifPresent(value -> {
                Location first = seen.putIfAbsent(value.name(), value.location());
                if (first != null) {
                    problems.error(slo.valueLocation("name"), "duplicate SLO name \"" + value.name()
                            + "\" (first at line " + first.line() + ")", "a unique name per service", "");
                } else {
                    out.add(value);
                }
            });
        }
        if (file.children("slos").map(List::isEmpty).orElse(false)) {
            problems.error(file.locationOf("slos"), "no SLOs", "a list of SLOs", "");
        }
        return service.isPresent() ? out : List.of();
    }

    private static Optional<Slo> slo(Fields slo, String service, Map<String, String> fileLabels,
                                     List<BurnRateAlert> policy) {
        Problems problems = slo.problems();
        long before = problems.errorCount();
        Optional<String> name = slo.requireText("name", "the SLO name");
        Optional<Fields> sliFields = slo.child("sli");
        if (sliFields.isEmpty()) {
            problems.error(slo.map().location(), "missing key \"" + slo.where() + ".sli\"",
                    "sli with type and metric, query, or good/errors/total queries", "");
            return Optional.empty();
        }
        Fields sli = sliFields.get();
        Optional<Duration> period = period(slo, sli);
        Optional<String> target = slo.requireText("target", "a percentage such as 99.9%, or a latency such as 500ms");
        Translation translation = target.flatMap(text -> SliTranslator.translate(sli, text, slo.valueLocation("target")))
                .orElse(null);
        if (translation == null || name.isEmpty() || problems.errorCount() > before) {
            return Optional.empty();
        }
        double objective = translation.objectivePercent().doubleValue();
        if (!(objective > 0 && objective < 100)) {
            problems.error(slo.valueLocation("target"), "target " + translation.objectivePercent().toPlainString()
                    + "% is too close to 0 or 100 to compute with", "a target with at most 15 significant digits", "");
            return Optional.empty();
        }
        Duration window = period.orElse(DEFAULT_PERIOD);
        checkBudget(slo, translation.objectivePercent(), window);
        List<BurnRateAlert> alerts = slo.map().map("error_budget")
                .filter(budget -> budget.has("burn_rate_alerts"))
                .map(budget -> burnRateAlerts(new Fields(budget, problems, slo.where() + ".error_budget")))
                .orElse(policy);
        warnLowObjective(slo, objective, window, alerts);
        if (problems.errorCount() > before) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>(fileLabels);
        labels.putAll(slo.textMap("labels"));
        Map<String, String> annotations = new LinkedHashMap<>();
        slo.text("description", "text").ifPresent(text -> annotations.put("description", text));
        slo.text("runbook_url", "a URL").ifPresent(url -> annotations.put("runbook_url", url));
        Optional<Fields> extra = slo.child("alerting");
        Alerting alerting = new Alerting(pascalCase(service + "-" + name.get()) + "SloBurnRate", Map.of(), annotations,
                tier(extra, "page", "critical"), tier(extra, "ticket", "warning"));
        Slo.Extensions extensions = extensions(slo, extra, translation);
        if (problems.errorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new Slo(service, name.get(), slo.text("description", "text").orElse(""), objective,
                period, translation.sli(), labels, alerting, alerts, extensions, SPEC, slo.map().location()));
    }

    /** A tier of the optional {@code alerting} block: {@code disable}, {@code for}, {@code labels}, {@code annotations}. */
    private static AlertTier tier(Optional<Fields> alerting, String key, String severity) {
        Optional<Fields> tier = alerting.flatMap(fields -> fields.child(key));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("severity", severity);
        tier.ifPresent(fields -> labels.putAll(fields.textMap("labels")));
        Optional<Duration> forDuration = tier.flatMap(fields -> fields.text("for", "a duration such as 5m")
                .flatMap(text -> Durations.parse(text).orReport(fields.problems(), fields.valueLocation("for"))));
        return new AlertTier(tier.flatMap(fields -> fields.bool("disable")).orElse(false), labels,
                tier.map(fields -> fields.textMap("annotations")).orElse(Map.of()), forDuration);
    }

    private static Slo.Extensions extensions(Fields slo, Optional<Fields> alerting, Translation translation) {
        double minTraffic = alerting.flatMap(fields -> fields.number("min_traffic", "events per second, 0 or more"))
                .map(BigDecimal::doubleValue).orElse(0.0);
        if (minTraffic > 0 && !(translation.sli() instanceof Sli.Events)) {
            slo.problems().error(alerting.orElseThrow().valueLocation("min_traffic"),
                    "min_traffic needs an SLI with a total query", "good (or errors) and total queries, or a / b",
                    "a single error-ratio query has no traffic to compare");
        }
        boolean weighted = slo.text("period_sli", "mean or weighted").map("weighted"::equals).orElse(false);
        return new Slo.Extensions(minTraffic, weighted);
    }

    private static Optional<Duration> period(Fields slo, Fields sli) {
        String key = slo.map().has("window") ? "window" : null;
        Fields owner = slo;
        if (key == null) {
            owner = sli;
            key = sli.map().has("measurement_window") ? "measurement_window" : sli.map().has("window") ? "window" : null;
        }
        if (key == null) {
            return Optional.empty();
        }
        Fields fields = owner;
        String field = key;
        return fields.text(field, "a duration such as 30d").flatMap(text -> Durations.parse(text)
                .orReport(fields.problems(), fields.valueLocation(field))).filter(duration -> {
                    if (duration.isZero() || duration.compareTo(Duration.ofMinutes(5)) <= 0) {
                        fields.problems().error(fields.valueLocation(field), "the SLO window " + Durations.format(duration)
                                + " is too short", "a window longer than the 5m alert window, such as 28d or 30d", "");
                        return false;
                    }
                    return true;
                });
    }

    /** {@code error_budget} as a percentage or as {@code monthly_minutes} must agree with the target. */
    private static void checkBudget(Fields slo, BigDecimal objectivePercent, Duration period) {
        BigDecimal budgetRatio = BigDecimal.ONE.subtract(objectivePercent.divide(BigDecimal.valueOf(100),
                MathContext.DECIMAL128));
        double periodMinutes = period.toMillis() / 60_000.0;
        double expectedMinutes = budgetRatio.doubleValue() * periodMinutes;
        Problems problems = slo.problems();
        if (slo.map().map("error_budget").isEmpty()) {
            slo.text("error_budget", "a percentage such as 0.05%").flatMap(text -> Ratio.parse(text)
                    .orReport(problems, slo.valueLocation("error_budget"))).ifPresent(stated -> {
                        double statedMinutes = stated.asDouble() * periodMinutes;
                        if (Math.abs(statedMinutes - expectedMinutes) > MINUTES_TOLERANCE) {
                            problems.error(slo.valueLocation("error_budget"), "error_budget " + stated.format()
                                    + " disagrees with the target (" + objectivePercent.stripTrailingZeros()
                                    .toPlainString() + "% leaves " + budgetRatio.multiply(BigDecimal.valueOf(100))
                                    .stripTrailingZeros().toPlainString() + "%)", "the budget to equal 100% minus the "
                                    + "target", "remove error_budget or correct it");
                        }
                    });
            return;
        }
        slo.child("error_budget").ifPresent(budget -> {
            budget.number("monthly_minutes", "minutes of error budget over the SLO window").ifPresent(minutes -> {
                if (Math.abs(minutes.doubleValue() - expectedMinutes) > MINUTES_TOLERANCE) {
                    problems.error(budget.valueLocation("monthly_minutes"), String.format(Locale.ROOT,
                            "monthly_minutes %s disagrees with the target: %s%% over %s leaves %.1f minutes",
                            minutes.stripTrailingZeros().toPlainString(),
                            objectivePercent.stripTrailingZeros().toPlainString(), Durations.format(period),
                            expectedMinutes), String.format(Locale.ROOT, "%.1f", expectedMinutes),
                            "monthly_minutes counts minutes over the SLO window");
                }
            });
        });
    }

    private static void warnLowObjective(Fields slo, double objective, Duration period, List<BurnRateAlert> alerts) {
        double budget = (100 - objective) / 100;
        double pageFactor = alerts.isEmpty()
                ? 2.0 / 100 * (period.toMillis() / 3_600_000.0)
                : alerts.stream().filter(BurnRateAlert::page).mapToDouble(BurnRateAlert::factor).min().orElse(0);
        if (pageFactor * budget > 1) {
            slo.problems().warning(slo.valueLocation("target"), String.format(Locale.ROOT,
                    "objective %s%% leaves a %s%% error budget: the %s× page alert would need more than 100%% "
                            + "errors and can never fire", plain(objective), plain(budget * 100),
                    plain(pageFactor)), "an objective of at least 93% for 30-day burn-rate alerts",
                    "raise the objective or set burn_rate_alerts with lower burn rates");
        }
    }

    /** {@code burn_rate_alerts: [{window, burn_rate, severity}]}: critical pages, warning tickets. */
    static List<BurnRateAlert> burnRateAlerts(Fields owner) {
        List<BurnRateAlert> out = new ArrayList<>();
        for (Fields alert : owner.children("burn_rate_alerts").orElse(List.of())) {
            Optional<Duration> window = alert.requireText("window", "a duration such as 1h")
                    .flatMap(text -> Durations.parse(text).orReport(alert.problems(), alert.valueLocation("window")));
            Optional<Double> factor = alert.requireText("burn_rate", "a burn rate such as 14.4 or 14.4x")
                    .flatMap(text -> burnRate(text, alert));
            Optional<String> severity = alert.requireText("severity", "critical (pages) or warning (tickets)");
            Optional<Boolean> page = severity.flatMap(value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "critical", "page" -> Optional.of(true);
                case "warning", "ticket" -> Optional.of(false);
                default -> {
                    alert.problems().error(alert.valueLocation("severity"), "unknown severity \"" + value + "\"",
                            "critical (pages) or warning (tickets)", io.relia.core.spec.Suggestions.closest(value,
                                    List.of("critical", "warning")).map(best -> "did you mean \"" + best + "\"?")
                                    .orElse(""));
                    yield Optional.empty();
                }
            });
            if (window.isPresent() && factor.isPresent() && page.isPresent()) {
                if (window.get().compareTo(Duration.ofMinutes(12)) < 0) {
                    alert.problems().error(alert.valueLocation("window"), "burn-rate window "
                            + Durations.format(window.get()) + " is too short", "at least 12m (its short window is "
                            + "a twelfth of it)", "");
                    continue;
                }
                out.add(new BurnRateAlert(window.get(), window.get().dividedBy(12), factor.get(), page.get(),
                        severity.get()));
            }
        }
        return out;
    }

    private static Optional<Double> burnRate(String text, Fields alert) {
        String number = text.strip().toLowerCase(Locale.ROOT);
        number = number.endsWith("x") ? number.substring(0, number.length() - 1).strip() : number;
        try {
            double value = Double.parseDouble(number);
            if (value >= 0.01 && value <= 1000) {
                return Optional.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        alert.problems().error(alert.valueLocation("burn_rate"), "\"" + text + "\" is not a burn rate",
                "a burn rate between 0.01 and 1000, such as 14.4 or 14.4x", "");
        return Optional.empty();
    }

    private static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code checkout-latency_p99} → {@code CheckoutLatencyP99}. */
    static String pascalCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    static List<String> types() {
        return TYPES;
    }
}
