package io.relia.load.capacity;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.value.Durations;
import io.relia.load.capacity.ResourceAnalysis.HeadroomCheck;
import io.relia.load.capacity.ResourceAnalysis.Scenario;
import io.relia.load.capacity.forecast.Forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The report of {@code relia capacity forecast}: per resource the usage today, the chosen model and why (every
 * candidate's backtest MASE and sMAPE), runway per scenario, the plan plain seasonal naive would give instead,
 * headroom, the recommendation and its cost, and a forecast chart. Its JSON ({@code kind: capacity-forecast},
 * {@link #SCHEMA_VERSION}) is what {@code relia capacity plan} reads; docs/capacity.md documents it.
 */
public final class CapacityReport {

    public static final String KIND = "capacity-forecast";
    public static final int SCHEMA_VERSION = 1;

    private CapacityReport() {
    }

    public static Report of(CapacityAnalysis analysis) {
        CapacityConfig config = analysis.config();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", config.service());
        data.put("horizon", Durations.format(config.horizon()));
        data.put("level", config.level());
        data.put("targetUtilization", config.targetUtilization());
        data.put("headroom", Map.of("peakMultiplier", config.headroom().peak(),
                "stressMultiplier", config.headroom().stress()));
        data.put("monthlyGrowth", config.monthlyGrowth().isPresent() ? config.monthlyGrowth().getAsDouble() : null);
        data.put("events", config.events().stream().map(event -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", event.name());
            out.put("from", event.from().toString());
            out.put("until", event.until().map(Object::toString).orElse(null));
            out.put("multiplier", event.multiplier());
            out.put("resources", event.resources());
            return out;
        }).toList());
        data.put("resources", analysis.resources().stream().map(CapacityReport::data).toList());
        return new Report(KIND, SCHEMA_VERSION, data, document(analysis));
    }

    private static Map<String, Object> data(ResourceAnalysis resource) {
        Map<String, Object> out = new LinkedHashMap<>();
        CapacityConfig.Resource plan = resource.resource();
        out.put("name", plan.name());
        out.put("kind", plan.kind().id());
        out.put("unit", plan.unit());
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("start", resource.history().start().toString());
        history.put("end", resource.history().end().toString());
        history.put("step", Durations.format(resource.history().step()));
        history.put("points", resource.history().size());
        history.put("recentWindow", Durations.format(resource.usage().window()));
        history.put("recentPeak", round(resource.usage().recentPeak()));
        history.put("recentMax", round(resource.usage().max()));
        out.put("history", history);
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("total", orNull(plan.capacity()));
        capacity.put("usable", orNull(resource.usable()));
        capacity.put("instances", plan.instances().isPresent() ? plan.instances().getAsInt() : null);
        capacity.put("perInstance", orNull(plan.perInstance()));
        capacity.put("unitCost", plan.unitCost().map(CapacityConfig.Cost::amount).orElse(null));
        capacity.put("currency", plan.unitCost().map(CapacityConfig.Cost::currency).orElse(null));
        out.put("capacity", capacity);
        Forecast forecast = resource.forecast();
        out.put("model", forecast.model());
        out.put("candidates", forecast.scores().stream().map(score -> {
            Map<String, Object> candidate = new LinkedHashMap<>();
            candidate.put("model", score.model());
            candidate.put("mase", finite(score.mase()));
            candidate.put("smape", finite(score.smape()));
            candidate.put("chosen", score.chosen());
            return candidate;
        }).toList());
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("start", forecast.mean().start().toString());
        series.put("step", Durations.format(forecast.mean().step()));
        series.put("level", forecast.level());
        series.put("events", resource.events());
        series.put("mean", rounded(forecast.mean().values()));
        series.put("lower", rounded(forecast.lower()));
        series.put("upper", rounded(forecast.upper()));
        series.put("peakUpper", round(resource.baseline().peakUpper()));
        series.put("instancesAtHorizon", orNull(resource.leverage().instancesAtHorizon()));
        out.put("forecast", series);
        out.put("baseline", baseline(resource));
        out.put("runway", resource.baseline().runway().map(Object::toString).orElse(null));
        out.put("scenarios", resource.scenarios().stream().map(scenario -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", scenario.name());
            one.put("peakUpper", round(scenario.peakUpper()));
            one.put("runway", scenario.runway().map(Object::toString).orElse(null));
            return one;
        }).toList());
        Map<String, Object> headroom = new LinkedHashMap<>();
        headroom.put("peak", data(resource.peak()));
        headroom.put("stress", data(resource.stress()));
        out.put("headroom", headroom);
        ResourceAnalysis.Recommendation recommendation = resource.recommendation();
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("text", recommendation.text());
        advice.put("addInstances", recommendation.addInstances());
        advice.put("before", recommendation.before().map(Object::toString).orElse(null));
        advice.put("monthlyCost", orNull(recommendation.monthlyCost()));
        out.put("recommendation", advice);
        return out;
    }

    /** Seasonal naive's plan, the forecast's leverage: {@code relia capacity plan} reads its {@code peakUpper}. */
    private static Map<String, Object> baseline(ResourceAnalysis resource) {
        ResourceAnalysis.Leverage leverage = resource.leverage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", leverage.model());
        out.put("peakUpper", round(leverage.naive().peakUpper()));
        out.put("runway", leverage.naive().runway().map(Object::toString).orElse(null));
        out.put("instancesAtHorizon", orNull(leverage.naiveInstancesAtHorizon()));
        out.put("samePlan", LeverageText.samePlan(resource));
        return out;
    }

    private static Map<String, Object> data(HeadroomCheck check) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("multiplier", check.multiplier());
        out.put("required", round(check.required()));
        out.put("available", orNull(check.available()));
        out.put("instancesNeeded", check.instancesNeeded().isPresent() ? check.instancesNeeded().getAsInt() : null);
        out.put("ok", check.ok());
        return out;
    }

    private static Document document(CapacityAnalysis analysis) {
        CapacityConfig config = analysis.config();
        Document.Builder document = new Document.Builder("Capacity forecast" + (config.service().isEmpty() ? ""
                : ": " + config.service()));
        document.paragraph(String.format(Locale.ROOT, "Horizon %s, %s%% prediction interval, target utilisation "
                        + "%s%%, headroom for %s× today's peak (stress %s×)%s.", Durations.format(config.horizon()),
                percent(config.level()), percent(config.targetUtilization()),
                Recommendations.number(config.headroom().peak()), Recommendations.number(config.headroom().stress()),
                config.monthlyGrowth().isPresent() ? ", growth scenario " + percent(config.monthlyGrowth()
                        .getAsDouble()) + "%/month" : ""));
        for (ResourceAnalysis resource : analysis.resources()) {
            section(document, resource);
        }
        return document.build();
    }

    private static void section(Document.Builder document, ResourceAnalysis resource) {
        CapacityConfig.Resource plan = resource.resource();
        String unit = plan.unit().isEmpty() ? "" : " " + plan.unit();
        document.heading(1, plan.name() + " (" + plan.kind().id() + (plan.unit().isEmpty() ? "" : ", " + plan.unit())
                + ")");
        boolean act = resource.recommendation().addInstances() > 0 || resource.recommendation().before().isPresent();
        document.add(new Document.Paragraph(resource.recommendation().text(),
                act ? Document.Tone.WARN : Document.Tone.GOOD));
        List<List<Document.Cell>> rows = new ArrayList<>();
        rows.add(row("history", Dates.minute(resource.history().start()) + " to "
                + Dates.minute(resource.history().end()) + " UTC, " + resource.history().size() + " points every "
                + Durations.format(resource.history().step())));
        rows.add(row("normal peak (p95, last " + Durations.format(resource.usage().window()) + ")",
                Recommendations.number(resource.usage().recentPeak()) + unit + " (max "
                        + Recommendations.number(resource.usage().max()) + unit + ")"));
        rows.add(row("capacity", plan.capacity().isPresent() ? Recommendations.number(plan.capacity()
                .getAsDouble()) + unit + instances(plan, unit) : "not given"));
        resource.usable().ifPresent(usable -> rows.add(row("usable (capacity × target utilisation)",
                Recommendations.number(usable) + unit)));
        rows.add(row("model", resource.forecast().model() + (resource.events().isEmpty() ? ""
                : "; events applied: " + String.join(", ", resource.events()))));
        for (Scenario scenario : resource.scenarios()) {
            rows.add(row("runway (" + scenario.name() + ")", scenario.runway().map(Dates::day)
                    .orElse(resource.usable().isPresent() ? "beyond the horizon" : "unknown (no capacity)")
                    + "; upper bound peaks at " + Recommendations.number(scenario.peakUpper()) + unit));
        }
        rows.add(row(headroomName("peak", resource.peak()), headroom(resource.peak(), unit)));
        rows.add(row(headroomName("stress", resource.stress()), headroom(resource.stress(), unit)));
        resource.recommendation().monthlyCost().ifPresent(cost -> rows.add(row("cost impact",
                "+" + plan.unitCost().orElseThrow().format(cost) + " per month")));
        document.add(new Document.Table(List.of("Measure", "Value"), rows));
        // A line of its own, not a table row: it is long, and it is the one comparison a reader should not miss.
        document.paragraph(LeverageText.sentence(resource));
        document.add(new Document.Table(List.of("Candidate model", "MASE", "sMAPE", "Chosen"),
                resource.forecast().scores().stream().map(score -> List.of(Document.Cell.of(score.model()),
                        Document.Cell.of(fixed(score.mase())), Document.Cell.of(fixed(score.smape()) + "%"),
                        Document.Cell.of(score.chosen() ? "yes" : ""))).toList()));
        document.paragraph("MASE: median over rolling-origin backtests on this history (below 1 beats seasonal naive). "
                + "The lowest wins among the models that did not lose to seasonal naive on the latest origins, "
                + "blended with the best naive model as far as the backtest supports.");
        document.add(new Document.Chart(ForecastChart.of(resource)));
    }

    private static String instances(CapacityConfig.Resource plan, String unit) {
        if (plan.instances().isEmpty() || plan.perInstance().isEmpty()) {
            return "";
        }
        return " (" + plan.instances().getAsInt() + " × " + Recommendations.number(plan.perInstance()
                .getAsDouble()) + unit + ")";
    }

    private static String headroomName(String name, HeadroomCheck check) {
        return name + " " + Recommendations.number(check.multiplier()) + "× normal peak";
    }

    private static String headroom(HeadroomCheck check, String unit) {
        String verdict = check.available().isEmpty() ? "unknown" : check.ok() ? "fits" : "does not fit";
        return Recommendations.number(check.required()) + unit + " — " + verdict
                + (check.available().isPresent() ? " (vs " + Recommendations.number(check.available().getAsDouble())
                + unit + ")" : "") + (check.instancesNeeded().isPresent() ? "; needs "
                + check.instancesNeeded().getAsInt() + " instance(s)" : "");
    }

    private static List<Document.Cell> row(String name, String value) {
        return List.of(Document.Cell.of(name), Document.Cell.of(value));
    }

    private static String percent(double ratio) {
        return new BigDecimal(Double.toString(ratio * 100)).round(MathContext.DECIMAL64).stripTrailingZeros()
                .toPlainString();
    }

    private static String fixed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
    }

    private static Object orNull(OptionalDouble value) {
        return value.isPresent() ? round(value.getAsDouble()) : null;
    }

    private static Object orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? round(value) : null;
    }

    /** Six significant digits: enough for planning, and the JSON stays small. */
    static double round(double value) {
        return Double.isFinite(value) ? new BigDecimal(value).round(new MathContext(6)).doubleValue() : 0;
    }

    private static List<Double> rounded(double[] values) {
        return Arrays.stream(values).map(CapacityReport::round).boxed().toList();
    }
}
