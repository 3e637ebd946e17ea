package io.relia.slo.nativespec;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.Suggestions;
import io.relia.core.value.Durations;
import io.relia.core.value.Ratio;
import io.relia.slo.Sli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the SLIs people write into error ratios, by these rules: a bare metric name is a counter
 * ({@code sum(rate(name[window]))}); {@code a / b} means good over total (errors over total when {@code a} is named
 * like errors); a latency target on a quantile means "q of requests faster than T" over the histogram's buckets;
 * explicit {@code good}/{@code errors} and {@code total} queries are used as written. Throughput and freshness need
 * explicit queries: they are not ratios by themselves.
 */
final class SliTranslator {

    private SliTranslator() {
    }

    static Optional<Translation> translate(Fields sli, String target, Location targetLocation) {
        Problems problems = sli.problems();
        Optional<String> type = sli.text("type", "the SLI type");
        if (type.isPresent() && !NativeSloReader.types().contains(type.get())) {
            problems.error(sli.valueLocation("type"), "unknown SLI type \"" + type.get() + "\"",
                    String.join(", ", NativeSloReader.types()), Suggestions.closest(type.get(),
                            NativeSloReader.types()).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            return Optional.empty();
        }
        String kind = type.orElse("availability");
        if (sli.map().has("good") || sli.map().has("errors") || sli.map().has("total")) {
            return explicit(sli, target, targetLocation);
        }
        boolean hasMetric = sli.map().has("metric");
        boolean hasQuery = sli.map().has("query");
        if (hasMetric == hasQuery) {
            problems.error(sli.map().location(), hasMetric ? "both sli.metric and sli.query are set"
                    : "the SLI has no metric or query", "one of sli.metric, sli.query, or good/errors/total queries",
                    "");
            return Optional.empty();
        }
        String key = hasMetric ? "metric" : "query";
        Optional<String> expression = sli.requireText(key, "PromQL");
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        if (kind.equals("throughput") || kind.equals("freshness")) {
            problems.error(sli.valueLocation("type"), "a " + kind + " SLI is not a ratio of good to total events",
                    "good (or errors) and total queries, e.g. " + (kind.equals("throughput")
                            ? "minutes above the throughput floor over all minutes"
                            : "records fresher than the bound over all records"), "add sli.good and sli.total");
            return Optional.empty();
        }
        if (isDuration(target)) {
            return latency(sli, kind, key, expression.get(), target, targetLocation);
        }
        Optional<BigDecimal> objective = percent(target, problems, targetLocation);
        if (objective.isEmpty()) {
            return Optional.empty();
        }
        if (kind.equals("latency") && PromQl.quantile(expression.get()).isPresent()) {
            problems.error(targetLocation, "a latency quantile with a percentage target",
                    "a latency target on a quantile (target: 500ms with histogram_quantile(0.99, ...)) or good/total "
                            + "queries counting requests faster than the threshold", "");
            return Optional.empty();
        }
        return ratio(sli, key, expression.get()).map(ratioSli -> new Translation(ratioSli, objective.get()));
    }

    private static Optional<Sli> ratio(Fields sli, String key, String expression) {
        Problems problems = sli.problems();
        Optional<String[]> parts = PromQl.ratioOfSelectors(expression);
        if (parts.isPresent()) {
            String numerator = parts.get()[0];
            String total = PromQl.counterRate(parts.get()[1]);
            if (namedLikeErrors(numerator)) {
                return Optional.of(new Sli.Events(PromQl.counterRate(numerator), total));
            }
            return Optional.of(new Sli.Events("(" + total + ") - (" + PromQl.counterRate(numerator) + ")", total));
        }
        if (expression.contains(Sli.WINDOW)) {
            return Optional.of(new Sli.Raw("1 - (" + expression.strip() + ")"));
        }
        if (PromQl.hasRange(expression)) {
            problems.note(sli.valueLocation(key), "the query's ranges become each alert window "
                    + "({{.window}}); the query is read as the ratio of good events", "");
            return Optional.of(new Sli.Raw("1 - (" + PromQl.windowed(expression).strip() + ")"));
        }
        if (PromQl.isSelector(expression)) {
            problems.error(sli.valueLocation(key), "a single metric is not a ratio", "good over total, such as "
                    + "successful_requests / total_requests", "or give sli.good (or sli.errors) and sli.total");
        } else {
            problems.error(sli.valueLocation(key), "cannot read the SLI as a ratio", "a / b of two counters, or a "
                    + "query with rate(...[5m]) ranges", "or give sli.good (or sli.errors) and sli.total");
        }
        return Optional.empty();
    }

    private static Optional<Translation> latency(Fields sli, String kind, String key, String expression,
                                                 String target, Location targetLocation) {
        Problems problems = sli.problems();
        if (!kind.equals("latency")) {
            problems.error(targetLocation, "a latency target (" + target.strip() + ") on "
                    + (kind.matches("[aeiou].*") ? "an " : "a ") + kind + " SLI", "a percentage such as 99.9%",
                    "set sli.type: latency, or write the target as a percentage");
            return Optional.empty();
        }
        Optional<PromQl.Quantile> quantile = PromQl.quantile(expression);
        if (quantile.isEmpty() || !(quantile.get().quantile() > 0 && quantile.get().quantile() < 1)) {
            problems.error(sli.valueLocation(key), "a latency target needs a quantile of a histogram",
                    "histogram_quantile(0.99, request_duration_seconds)", "or give sli.good and sli.total");
            return Optional.empty();
        }
        Duration threshold = Durations.parse(target).orThrow();
        String le = new BigDecimal(threshold.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
        PromQl.Quantile q = quantile.get();
        String matchers = q.matchers().isEmpty() ? "" : q.matchers() + ",";
        String good = "sum(rate(" + q.metric() + "_bucket{" + matchers + "le=\"" + le + "\"}[" + Sli.WINDOW + "]))";
        String total = "sum(rate(" + q.metric() + "_count" + (q.matchers().isEmpty() ? "" : "{" + q.matchers() + "}")
                + "[" + Sli.WINDOW + "]))";
        BigDecimal objective = new BigDecimal(Double.toString(q.quantile())).movePointRight(2).stripTrailingZeros();
        problems.note(targetLocation, "latency SLO read as \"" + objective.toPlainString()
                + "% of requests faster than " + Durations.format(threshold) + "\": good = " + q.metric()
                + "_bucket{le=\"" + le + "\"}, total = " + q.metric() + "_count",
                "le=\"" + le + "\" must be one of the histogram's bucket boundaries, written as exported");
        return Optional.of(new Translation(new Sli.Events("(" + total + ") - (" + good + ")", total), objective));
    }

    private static Optional<Translation> explicit(Fields sli, String target, Location targetLocation) {
        Problems problems = sli.problems();
        boolean good = sli.map().has("good");
        boolean errors = sli.map().has("errors");
        if (good == errors) {
            problems.error(sli.map().location(), good ? "both sli.good and sli.errors are set"
                    : "sli.total needs sli.good or sli.errors", "exactly one of sli.good and sli.errors", "");
            return Optional.empty();
        }
        Optional<String> total = query(sli, "total");
        Optional<String> part = query(sli, good ? "good" : "errors");
        Optional<BigDecimal> objective = percent(target, problems, targetLocation);
        if (total.isEmpty() || part.isEmpty() || objective.isEmpty()) {
            return Optional.empty();
        }
        Sli result = good ? new Sli.Events("(" + total.get() + ") - (" + part.get() + ")", total.get())
                : new Sli.Events(part.get(), total.get());
        return Optional.of(new Translation(result, objective.get()));
    }

    /** A query given as PromQL: a bare counter gets its rate, ranges become {{.window}}. */
    private static Optional<String> query(Fields sli, String key) {
        Optional<String> text = sli.requireText(key, "PromQL counting events, e.g. a counter name");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String query = text.get();
        if (query.contains(Sli.WINDOW)) {
            return Optional.of(query.strip());
        }
        if (PromQl.isSelector(query)) {
            return Optional.of(PromQl.counterRate(query));
        }
        if (PromQl.hasRange(query)) {
            return Optional.of(PromQl.windowed(query).strip());
        }
        sli.problems().error(sli.valueLocation(key), "\"" + sli.where() + "." + key + "\" has no range to vary",
                "a counter name, or PromQL with rate(...[5m]) or [{{.window}}]", "");
        return Optional.empty();
    }

    private static Optional<BigDecimal> percent(String target, Problems problems, Location location) {
        return Ratio.parse(target).orReport(problems, location).flatMap(ratio -> {
            if (ratio.value().signum() == 0 || ratio.value().compareTo(BigDecimal.ONE) == 0) {
                problems.error(location, "target " + ratio.format() + " is out of range",
                        "more than 0% and less than 100%",
                        ratio.value().signum() == 0 ? "" : "a 100% target leaves no error budget");
                return Optional.empty();
            }
            return Optional.of(ratio.percent());
        });
    }

    private static boolean isDuration(String target) {
        String text = target.strip();
        return !text.endsWith("%") && !text.matches("[0-9.eE+-]+") && Durations.parse(text).isOk();
    }

    private static boolean namedLikeErrors(String selector) {
        String name = selector.toLowerCase(Locale.ROOT);
        return List.of("error", "fail", "5xx", "bad").stream().anyMatch(name::contains)
                || name.matches("(?s).*(code|status)\\s*=~?\\s*\"5.*");
    }
}
