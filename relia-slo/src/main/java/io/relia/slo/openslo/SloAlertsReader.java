package io.relia.slo.openslo;

import io.relia.core.Location;
import io.relia.core.spec.Fields;
import io.relia.core.value.Durations;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.BurnRateAlert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The alerts of an OpenSLO SLO: without {@code alertPolicies} Relia's page and ticket burn-rate alerts; with them,
 * one burn-rate alert per policy condition, on the page or ticket alert by the condition's severity. One Relia alert
 * has one severity label and one {@code for:}, so the policies sharing it must agree on both.
 */
final class SloAlertsReader {

    /** An SLO's alerting and its burn-rate alerts (empty for Relia's default windows). */
    record Alerts(Alerting alerting, List<BurnRateAlert> burnRate) {
    }

    /** The label carrying the notification targets' names, for Alertmanager to route on (as OpenSLO suggests). */
    static final String TARGETS_LABEL = "notification_targets";

    private SloAlertsReader() {
    }

    /** Reads {@code spec.alertPolicies} of an SLO; empty when a policy is invalid or unresolved (reported). */
    static Optional<Alerts> read(Fields spec, String sloName, String description, OpenSloObjects objects) {
        String name = alertName(sloName);
        Map<String, String> annotations = description.isEmpty() ? Map.of() : Map.of("description", description);
        if (!spec.map().has("alertPolicies")) {
            return Optional.of(new Alerts(new Alerting(name, Map.of(), annotations,
                    new AlertTier(false, Map.of("severity", "critical"), Map.of()),
                    new AlertTier(false, Map.of("severity", "warning"), Map.of())), List.of()));
        }
        Optional<List<Fields>> items = spec.children("alertPolicies");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        long before = spec.problems().errorCount();
        List<Used> used = new ArrayList<>();
        for (Fields item : items.get()) {
            policy(item, objects).ifPresent(policy -> used.add(new Used(policy, item.map().location())));
        }
        if (spec.problems().errorCount() > before || used.size() < items.get().size()) {
            return Optional.empty();
        }
        if (used.isEmpty()) {
            spec.problems().error(spec.valueLocation("alertPolicies"), "\"" + OpenSloReader.path(spec,
                    "alertPolicies") + "\" is empty", "at least one alert policy, or no alertPolicies for Relia's "
                    + "page and ticket alerts", "");
            return Optional.empty();
        }
        Optional<AlertTier> page = tier(used, true, spec);
        Optional<AlertTier> ticket = tier(used, false, spec);
        if (page.isEmpty() || ticket.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alerts(new Alerting(name, Map.of(), annotations, page.get(), ticket.get()),
                used.stream().map(entry -> entry.policy().condition().alert()).toList()));
    }

    private record Used(AlertPolicyReader.Policy policy, Location location) {
    }

    private static Optional<AlertPolicyReader.Policy> policy(Fields item, OpenSloObjects objects) {
        if (item.map().has("alertPolicyRef")) {
            item.known(List.of("alertPolicyRef"));
            return item.requireText("alertPolicyRef", "the name of an AlertPolicy")
                    .flatMap(ref -> objects.resolve("AlertPolicy", item, "alertPolicyRef", ref))
                    .flatMap(entry -> objects.once(entry.object(), object -> OpenSloReader.spec(object,
                            "the policy").flatMap(child -> AlertPolicyReader.policy(entry.name(), child, objects))));
        }
        return AlertPolicyReader.inline(item, "AlertPolicy", "alertPolicyRef")
                .flatMap(named -> AlertPolicyReader.policy(named.name(), named.spec(), objects));
    }

    /** The page or ticket alert: off without conditions, else their shared severity, for: and targets. */
    private static Optional<AlertTier> tier(List<Used> used, boolean page, Fields spec) {
        List<Used> tier = used.stream().filter(entry -> entry.policy().condition().alert().page() == page).toList();
        if (tier.isEmpty()) {
            return Optional.of(new AlertTier(true, Map.of(), Map.of()));
        }
        Used first = tier.getFirst();
        AlertPolicyReader.Condition condition = first.policy().condition();
        String what = page ? "page" : "ticket";
        for (Used other : tier.subList(1, tier.size())) {
            AlertPolicyReader.Condition next = other.policy().condition();
            if (!next.alert().severity().equals(condition.alert().severity())) {
                spec.problems().error(other.location(), "alert policies \"" + first.policy().name() + "\" and \""
                        + other.policy().name() + "\" both become Relia's " + what + " alert but their severities "
                        + "differ (" + condition.alert().severity() + ", " + next.alert().severity() + ")",
                        "one severity per Relia alert", "");
                return Optional.empty();
            }
            if (!next.alertAfter().equals(condition.alertAfter())) {
                spec.problems().error(other.location(), "alert policies \"" + first.policy().name() + "\" and \""
                        + other.policy().name() + "\" both become Relia's " + what + " alert but their alertAfter "
                        + "differ (" + after(condition.alertAfter()) + ", " + after(next.alertAfter()) + ")",
                        "one alertAfter per Relia alert (its for: clause)", "");
                return Optional.empty();
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("severity", condition.alert().severity());
        TreeSet<String> targets = new TreeSet<>();
        tier.forEach(entry -> targets.addAll(entry.policy().targets()));
        if (!targets.isEmpty()) {
            labels.put(TARGETS_LABEL, String.join(",", targets));
        }
        return Optional.of(new AlertTier(false, labels, Map.of(), condition.alertAfter()));
    }

    private static String after(Optional<Duration> alertAfter) {
        return alertAfter.map(Durations::format).orElse("0m");
    }

    /** Alerts named after the SLO ({@code checkout-availability} → {@code CheckoutAvailabilitySloBurnRate}). */
    private static String alertName(String name) {
        StringBuilder alert = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                alert.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return alert.append("SloBurnRate").toString();
    }
}
