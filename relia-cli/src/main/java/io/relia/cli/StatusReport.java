package io.relia.cli;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.value.Durations;
import io.relia.slo.status.BudgetPercent;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.Coverage;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code slo status} report: a summary table, then each SLO's budget, burn rates and firing alerts. */
final class StatusReport {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StatusReport() {
    }

    static Report of(List<SloStatus> statuses, Map<String, StatusEvaluator.BurnDown> burnDowns, Instant at,
                     String source, BudgetPolicy policy) {
        Document.Builder doc = new Document.Builder("SLO status at " + TIME.format(at));
        doc.paragraph("Source: " + source + ". Policy: " + policy.source() + " (healthy above "
                + percent(policy.warningAt()) + " budget left, warning down to " + percent(policy.criticalBelow())
                + ", critical below, exhausted at 0). Budget spent = failures seen in the window ÷ failures the "
                + "objective allows over the whole window.");
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (SloStatus status : statuses) {
            rows.add(List.of(Document.Cell.of(status.slo().id()), Document.Cell.of(objective(status)),
                    Document.Cell.of(Double.isNaN(status.errorRatio()) ? "no data" : sli(status.sli())),
                    new Document.Cell(BudgetPercent.format(status.budgetRemaining()), status.state().tone()),
                    new Document.Cell(status.state().label(), status.state().tone()),
                    Document.Cell.of(covers(status.coverage())),
                    Document.Cell.of(burn(currentBurn(status))),
                    new Document.Cell(firing(status), status.paging() ? Document.Tone.BAD
                            : status.firing().isEmpty() ? Document.Tone.PLAIN : Document.Tone.WARN),
                    Document.Cell.of(status.timeToExhaustion().map(StatusReport::duration).orElse("-"))));
        }
        doc.add(new Document.Table(List.of("SLO", "Objective", "SLI", "Budget left", "State", "Data covers",
                "Burn 1h", "Firing", "Exhausted in"), rows));
        List<Map<String, Object>> data = new ArrayList<>();
        for (SloStatus status : statuses) {
            details(doc, status, burnDowns.get(status.slo().id()), policy);
            data.add(data(status));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("at", at.toString());
        root.put("source", source);
        root.put("policy", policy.source());
        root.put("slos", data);
        return new Report("slo-status", 2, root, doc.build());
    }

    /** The coverage in a table cell: "6h of 30d (0.8%)", "whole 30d", "30d assumed". */
    static String covers(Coverage coverage) {
        String window = Durations.format(coverage.window());
        if (!coverage.measured()) {
            return window + " assumed";
        }
        return coverage.isWhole() ? "whole " + window : Durations.format(coverage.covered()) + " of " + window + " ("
                + coverage.sharePercent() + ")";
    }

    private static void details(Document.Builder doc, SloStatus status, StatusEvaluator.BurnDown burnDown,
                                BudgetPolicy policy) {
        doc.heading(2, status.slo().id());
        StringBuilder text = new StringBuilder();
        if (Double.isNaN(status.errorRatio())) {
            text.append("No data over the last ").append(Durations.format(status.period()))
                    .append(": the SLI queries matched no series, or there was no traffic.");
            doc.add(new Document.Paragraph(text.toString(), Document.Tone.WARN));
            return;
        }
        text.append(String.format(Locale.ROOT, "SLI %s over the data in the %s window (objective %s); %s.",
                sli(status.sli()), Durations.format(status.period()), objective(status),
                status.coverage().describe()));
        if (status.events().isPresent()) {
            text.append(String.format(Locale.ROOT, " %,.0f of %,.0f events failed;", status.badEvents().getAsDouble(),
                    status.events().getAsDouble()));
        }
        text.append(String.format(Locale.ROOT, " %s of the error budget spent, %s left (%s of %s minutes of full "
                        + "outage", BudgetPercent.format(status.budgetSpent()),
                BudgetPercent.format(status.budgetRemaining()), number(status.budgetMinutesRemaining()),
                number(status.budgetMinutes())));
        status.budgetEventsRemaining().ifPresent(events -> text.append(String.format(Locale.ROOT,
                "; %,.0f of %,.0f failed events", events, status.budgetEventsAllowed().getAsDouble())));
        text.append("): ").append(status.state().label()).append('.');
        if (!status.coverage().isWhole()) {
            text.append(" At the data's burn rate (").append(burn(status.burnRate())).append(") the whole window "
                    + "would spend ").append(BudgetPercent.format(status.projectedSpent())).append(" of its budget.");
        }
        status.timeToExhaustion().ifPresent(eta -> text.append(" At the last hour's burn rate the budget is gone in ")
                .append(duration(eta)).append('.'));
        doc.add(new Document.Paragraph(text.toString(), status.state().tone()));
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (SloStatus.WindowBurn window : status.burnRates()) {
            rows.add(List.of(Document.Cell.of(Durations.format(window.window())),
                    Document.Cell.of(Double.isNaN(window.errorRatio()) ? "-" : ratio(window.errorRatio())),
                    Document.Cell.of(burn(window.burnRate()))));
        }
        doc.add(new Document.Table(List.of("Window", "Error ratio", "Burn rate"), rows));
        if (!status.firing().isEmpty()) {
            List<String> alerts = new ArrayList<>();
            for (SloStatus.FiringAlert alert : status.firing()) {
                alerts.add(String.format(Locale.ROOT, "%s: burn %s over %s and %s over %s, above %s×", alert.severity(),
                        burn(alert.longBurn()), Durations.format(alert.longWindow()), burn(alert.shortBurn()),
                        Durations.format(alert.shortWindow()), number(alert.factor())));
            }
            doc.add(new Document.BulletList(alerts));
        }
        if (burnDown != null) {
            List<Double> remaining = new ArrayList<>();
            for (double value : burnDown.remaining()) {
                remaining.add(value * 100);
            }
            doc.add(new Document.Chart(burnDownChart(status, burnDown.times(), remaining, policy)));
        }
    }

    /** Budget left over time, with the policy's warning and critical levels and exhaustion (0%) as lines. */
    static ChartData burnDownChart(SloStatus status, List<Instant> times, List<Double> remainingPercent,
                                   BudgetPolicy policy) {
        return ChartData.builder("Error budget left, " + status.slo().id(), ChartData.Kind.LINE,
                ChartData.Domain.times(times), ChartData.ValueAxis.percent("error budget left"))
                .series("budget left", remainingPercent, "#1565c0")
                .reference(policy.warningAt() * 100, "warning below", "#ef6c00")
                .reference(policy.criticalBelow() * 100, "critical below", "#c62828")
                .reference(0, "exhausted", "#424242").build();
    }

    private static Map<String, Object> data(SloStatus status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", status.slo().id());
        entry.put("service", status.slo().service());
        entry.put("name", status.slo().name());
        entry.put("objectivePercent", status.slo().objective());
        entry.put("period", Durations.format(status.period()));
        entry.put("sli", finite(status.sli()));
        entry.put("errorRatio", finite(status.errorRatio()));
        entry.put("events", status.events().isPresent() ? status.events().getAsDouble() : null);
        entry.put("badEvents", status.badEvents().isPresent() ? status.badEvents().getAsDouble() : null);
        entry.put("coverage", coverage(status.coverage()));
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("ratio", io.relia.slo.ErrorBudget.of(status.slo(), status.period()).ratio().doubleValue());
        budget.put("spentRatio", finite(status.budgetSpent()));
        budget.put("remainingRatio", finite(status.budgetRemaining()));
        budget.put("projectedSpentRatio", finite(status.projectedSpent()));
        budget.put("minutes", status.budgetMinutes());
        budget.put("remainingMinutes", finite(status.budgetMinutesRemaining()));
        budget.put("allowedEvents", status.budgetEventsAllowed().isPresent()
                ? status.budgetEventsAllowed().getAsDouble() : null);
        budget.put("remainingEvents", status.budgetEventsRemaining().isPresent()
                ? status.budgetEventsRemaining().getAsDouble() : null);
        entry.put("budget", budget);
        entry.put("state", status.state().label());
        List<Map<String, Object>> burns = new ArrayList<>();
        for (SloStatus.WindowBurn window : status.burnRates()) {
            Map<String, Object> burn = new LinkedHashMap<>();
            burn.put("window", Durations.format(window.window()));
            burn.put("errorRatio", finite(window.errorRatio()));
            burn.put("burnRate", finite(window.burnRate()));
            burns.add(burn);
        }
        entry.put("burnRates", burns);
        List<Map<String, Object>> firing = new ArrayList<>();
        for (SloStatus.FiringAlert alert : status.firing()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("severity", alert.severity());
            one.put("longWindow", Durations.format(alert.longWindow()));
            one.put("shortWindow", Durations.format(alert.shortWindow()));
            one.put("factor", alert.factor());
            one.put("longBurnRate", alert.longBurn());
            one.put("shortBurnRate", alert.shortBurn());
            firing.add(one);
        }
        entry.put("firing", firing);
        entry.put("timeToExhaustion", status.timeToExhaustion().map(Durations::format).orElse(null));
        return entry;
    }

    /** The coverage as JSON: window and covered span as durations, the share as a ratio, and whether measured. */
    static Map<String, Object> coverage(Coverage coverage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("window", Durations.format(coverage.window()));
        json.put("covered", Durations.format(coverage.covered()));
        json.put("share", coverage.share());
        json.put("measured", coverage.measured());
        json.put("text", coverage.describe());
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double currentBurn(SloStatus status) {
        return status.burnRates().stream().filter(b -> b.window().equals(StatusEvaluator.CURRENT_WINDOW))
                .mapToDouble(SloStatus.WindowBurn::burnRate).findFirst().orElse(Double.NaN);
    }

    private static String firing(SloStatus status) {
        if (status.firing().isEmpty()) {
            return "-";
        }
        return String.join(", ", status.firing().stream().map(a -> a.severity() + " "
                + Durations.format(a.longWindow())).distinct().toList());
    }


    private static String objective(SloStatus status) {
        return number(status.slo().objective()) + "%";
    }

    static String sli(double sli) {
        return String.format(Locale.ROOT, "%.4f%%", sli * 100);
    }

    static String percent(double ratio) {
        return number(ratio * 100) + "%";
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.4f%%", value * 100);
    }

    static String burn(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f×", value);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        java.math.BigDecimal decimal = new java.math.BigDecimal(value).setScale(Math.abs(value) >= 100 ? 0 : 1,
                java.math.RoundingMode.HALF_UP);
        return decimal.stripTrailingZeros().toPlainString();
    }

    static String duration(Duration duration) {
        Duration rounded = duration.compareTo(Duration.ofHours(1)) >= 0
                ? Duration.ofMinutes(duration.toMinutes()) : Duration.ofSeconds(duration.toSeconds());
        return Durations.format(rounded);
    }
}
