package io.relia.slo.openslo;

import io.relia.core.Location;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.Suggestions;
import io.relia.core.value.Durations;
import io.relia.slo.BurnRateAlert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads OpenSLO v1 alert policies, conditions and notification targets, inline or by reference, into what Relia's
 * alerts can express: a {@code burnrate} condition with {@code op: gt} is one single-window burn-rate alert (the
 * threshold its burn-rate factor, the lookback window its window, {@code alertAfter} its {@code for:}), on Relia's
 * page alert for severity page or critical and on its ticket alert for ticket or warning. Anything else is refused
 * where it is written, never approximated.
 */
final class AlertPolicyReader {

    /** One condition as Relia alerts it. */
    record Condition(String name, BurnRateAlert alert, Optional<Duration> alertAfter) {
    }

    /** One policy: its one condition and the names of its notification targets. */
    record Policy(String name, Condition condition, List<String> targets) {
    }

    static final List<String> OBJECT_KEYS = List.of("kind", "metadata", "spec");
    private static final List<String> POLICY_KEYS = List.of("description", "alertWhenNoData", "alertWhenResolved",
            "alertWhenBreaching", "conditions", "notificationTargets");
    private static final List<String> CONDITION_KEYS = List.of("kind", "op", "threshold", "lookbackWindow",
            "alertAfter");
    private static final List<String> OPS = List.of("gt", "gte", "lt", "lte");
    private static final String SEVERITY = "page or critical (Relia's page alert), ticket or warning (its ticket "
            + "alert)";

    private AlertPolicyReader() {
    }

    /** The spec of an {@code AlertPolicy} object, its condition and targets resolved through {@code objects}. */
    static Optional<Policy> policy(String name, Fields spec, OpenSloObjects objects) {
        spec.known(POLICY_KEYS);
        long before = spec.problems().errorCount();
        if (spec.bool("alertWhenNoData").orElse(false)) {
            spec.problems().error(spec.valueLocation("alertWhenNoData"), "alertWhenNoData is not supported",
                    "alertWhenNoData: false", "Relia's burn-rate alerts fire on the error ratio; alert on missing "
                            + "data with an absent() rule of your own");
        }
        if (!spec.bool("alertWhenBreaching").orElse(true)) {
            spec.problems().error(spec.valueLocation("alertWhenBreaching"), "alertWhenBreaching: false is not "
                    + "supported", "alertWhenBreaching: true", "Relia's burn-rate alerts fire while the condition "
                    + "is breaching");
        }
        if (spec.bool("alertWhenResolved").orElse(false)) {
            spec.problems().warning(spec.valueLocation("alertWhenResolved"), "alertWhenResolved is left to "
                    + "Alertmanager", "", "set send_resolved: true on the receiver to be told when an alert resolves");
        }
        Optional<Condition> condition = condition(spec, objects);
        List<String> targets = targets(spec, objects);
        if (condition.isEmpty() || spec.problems().errorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new Policy(name, condition.get(), targets));
    }

    /** The one condition of a policy (OpenSLO v1 allows exactly one), inline or by {@code conditionRef}. */
    private static Optional<Condition> condition(Fields spec, OpenSloObjects objects) {
        if (!spec.map().has("conditions")) {
            spec.problems().error(spec.map().location(), "missing key \"" + OpenSloReader.path(spec, "conditions")
                    + "\"", "one condition, inline or as conditionRef", "");
            return Optional.empty();
        }
        Optional<List<Fields>> conditions = spec.children("conditions");
        int count = spec.map().list("conditions").map(ListNode::size).orElse(0);
        if (conditions.isEmpty() || count != 1) {
            if (conditions.isPresent()) {
                spec.problems().error(spec.valueLocation("conditions"), "\"" + OpenSloReader.path(spec,
                        "conditions") + "\" has " + count + " items", "exactly one condition (OpenSLO v1)",
                        count > 1 ? "write one alert policy per condition" : "");
            }
            return Optional.empty();
        }
        if (conditions.get().isEmpty()) {
            return Optional.empty();
        }
        Fields item = conditions.get().getFirst();
        if (item.map().has("conditionRef")) {
            item.known(List.of("conditionRef"));
            return item.requireText("conditionRef", "the name of an AlertCondition")
                    .flatMap(ref -> objects.resolve("AlertCondition", item, "conditionRef", ref))
                    .flatMap(entry -> objects.once(entry.object(), object -> OpenSloReader.spec(object,
                            "the condition").flatMap(child -> condition(entry.name(), child))));
        }
        return inline(item, "AlertCondition", "conditionRef")
                .flatMap(named -> condition(named.name(), named.spec()));
    }

    /** The spec of an {@code AlertCondition}: a burn-rate condition Relia can alert on exactly. */
    static Optional<Condition> condition(String name, Fields spec) {
        spec.known(List.of("description", "severity", "condition"));
        long before = spec.problems().errorCount();
        Optional<Boolean> page = spec.requireText("severity", SEVERITY).flatMap(value -> page(spec, value));
        Optional<Fields> condition = OpenSloReader.requireChild(spec, "condition",
                "kind: burnrate with op, threshold, lookbackWindow and alertAfter");
        if (condition.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = condition.get().known(CONDITION_KEYS);
        String kind = fields.text("kind", "burnrate").orElse("burnrate");
        if (!kind.equals("burnrate")) {
            fields.problems().error(fields.valueLocation("kind"), "condition kind \"" + kind + "\" is not supported",
                    "kind: burnrate", "burnrate is the one kind OpenSLO v1 defines");
            return Optional.empty();
        }
        fields.requireText("op", "op: gt").ifPresent(op -> op(fields, op));
        Optional<Double> threshold = fields.number("threshold", "a burn rate such as 14.4").map(BigDecimal::doubleValue)
                .or(() -> {
                    if (!fields.map().has("threshold")) {
                        fields.problems().error(fields.map().location(), "missing key \"" + OpenSloReader.path(
                                fields, "threshold") + "\"", "the burn rate to alert above, such as 14.4", "");
                    }
                    return Optional.empty();
                });
        threshold.filter(value -> !(value > 0) || value.isInfinite()).ifPresent(value -> fields.problems().error(fields.valueLocation(
                "threshold"), "threshold " + fields.map().text("threshold").orElse("") + " is not a burn rate",
                "a burn rate above 0, such as 14.4", ""));
        Optional<Duration> window = duration(fields, "lookbackWindow", true);
        Optional<Duration> alertAfter = fields.map().has("alertAfter") ? duration(fields, "alertAfter", false)
                : Optional.of(Duration.ZERO);
        if (spec.problems().errorCount() > before || page.isEmpty() || threshold.filter(value -> value > 0
                && !value.isInfinite()).isEmpty() || window.isEmpty()
                || alertAfter.isEmpty()) {
            return Optional.empty();
        }
        // One window, as the condition says: the short window equals the long one (no multi-window confirmation).
        return Optional.of(new Condition(name, new BurnRateAlert(window.get(), window.get(), threshold.get(),
                page.get(), spec.map().text("severity").orElseThrow()),
                alertAfter.filter(after -> !after.isZero())));
    }

    private static Optional<Boolean> page(Fields spec, String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "page", "critical" -> Optional.of(true);
            case "ticket", "warning" -> Optional.of(false);
            default -> {
                spec.problems().error(spec.valueLocation("severity"), "severity \"" + severity
                        + "\" has no Relia alert", SEVERITY, Suggestions.closest(severity, List.of("page",
                        "critical", "ticket", "warning")).map(best -> "did you mean \"" + best + "\"?").orElse(""));
                yield Optional.empty();
            }
        };
    }

    private static void op(Fields condition, String op) {
        if (op.equals("gt")) {
            return;
        }
        Location at = condition.valueLocation("op");
        if (OPS.contains(op)) {
            condition.problems().error(at, "op \"" + op + "\" is not supported", "op: gt",
                    op.equals("gte") ? "Relia's burn-rate alerts fire when the burn rate is above the threshold, "
                            + "not when it equals it" : "a burn-rate alert fires when the budget burns too fast, "
                            + "not too slowly");
        } else {
            condition.problems().error(at, "op \"" + op + "\" is not valid", "op: gt", Suggestions.closest(op, OPS)
                    .map(best -> "did you mean \"" + best + "\"?").orElse("OpenSLO's ops are gt, gte, lt, lte"));
        }
    }

    private static Optional<Duration> duration(Fields fields, String key, boolean positive) {
        Optional<String> text = positive ? fields.requireText(key, "a duration such as 1h")
                : fields.text(key, "a duration such as 5m");
        Optional<Duration> value = text.flatMap(written -> Durations.parse(written)
                .orReport(fields.problems(), fields.valueLocation(key)));
        if (positive && value.filter(Duration::isZero).isPresent()) {
            fields.problems().error(fields.valueLocation(key), "\"" + OpenSloReader.path(fields, key)
                    + "\" is zero", "a duration such as 1h", "");
            return Optional.empty();
        }
        return value;
    }

    /** The names of a policy's notification targets, inline or by {@code targetRef}; unresolved ones reported. */
    private static List<String> targets(Fields spec, OpenSloObjects objects) {
        List<String> names = new ArrayList<>();
        for (Fields item : spec.children("notificationTargets").orElse(List.of())) {
            if (item.map().has("targetRef")) {
                item.known(List.of("targetRef"));
                item.requireText("targetRef", "the name of an AlertNotificationTarget")
                        .flatMap(ref -> objects.resolve("AlertNotificationTarget", item, "targetRef", ref))
                        .filter(entry -> objects.once(entry.object(), object -> OpenSloReader.spec(object,
                                "the target").flatMap(AlertPolicyReader::target)).isPresent())
                        .ifPresent(entry -> names.add(entry.name()));
            } else {
                inline(item, "AlertNotificationTarget", "targetRef")
                        .filter(named -> target(named.spec()).isPresent()).ifPresent(named -> names.add(named.name()));
            }
        }
        return names;
    }

    /** The spec of an {@code AlertNotificationTarget}: its {@code target}. */
    static Optional<String> target(Fields spec) {
        spec.known(List.of("description", "target"));
        return spec.requireText("target", "where notifications go, such as email, slack or pagerduty");
    }

    /** An object written inline: its name and spec. */
    record Named(String name, Fields spec) {
    }

    /** {@code {kind, metadata: {name}, spec}} written in place of a reference. */
    static Optional<Named> inline(Fields item, String kind, String refKey) {
        if (!item.map().has("kind") && !item.map().has("spec")) {
            item.problems().error(item.map().location(), "\"" + item.where() + "\" is neither a " + refKey
                    + " nor an inline " + kind, refKey + ": NAME, or kind: " + kind + " with metadata and spec", "");
            return Optional.empty();
        }
        item.known(OBJECT_KEYS);
        item.text("kind", kind).filter(written -> !written.equals(kind)).ifPresent(written -> item.problems().error(
                item.valueLocation("kind"), "\"" + item.where() + ".kind\" is " + written, "kind: " + kind, ""));
        Optional<String> name = OpenSloReader.requireChild(item, "metadata", "the " + kind + "'s name")
                .map(metadata -> metadata.known(OpenSloReader.METADATA_KEYS))
                .flatMap(metadata -> metadata.requireText("name", "the " + kind + "'s name"));
        Optional<Fields> spec = OpenSloReader.requireChild(item, "spec", "the " + kind + "'s spec");
        return name.isPresent() && spec.isPresent() ? Optional.of(new Named(name.get(), spec.get()))
                : Optional.empty();
    }
}
