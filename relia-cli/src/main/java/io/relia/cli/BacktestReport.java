package io.relia.cli;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.value.Durations;
import io.relia.slo.backtest.AlertResult;
import io.relia.slo.backtest.AlertRule;
import io.relia.slo.backtest.BacktestResult;
import io.relia.slo.backtest.Interval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code slo backtest} report: per SLO, how each alerting approach would have behaved on the history. */
final class BacktestReport {

    /** Most points drawn per timeline; more would make the SVG heavy without showing more. */
    private static final int CHART_POINTS = 720;

    private BacktestReport() {
    }

    static Report of(List<BacktestResult> results, String source, boolean charts) {
        BacktestResult first = results.getFirst();
        Document.Builder doc = new Document.Builder("Alert backtest, " + StatusReport.TIME.format(first.grid()
                .start()) + " to " + StatusReport.TIME.format(first.grid().end()));
        doc.paragraph(String.format(Locale.ROOT, "Source: %s. %,d evaluations every %s per SLO. Noise: a page while "
                + "under 2%% of the budget was spent over the surrounding day. Missed: an hour that burned 2%% of the "
                + "budget without the alert firing.", source, first.grid().size(),
                Durations.format(first.grid().step())));
        List<Map<String, Object>> data = new ArrayList<>();
        for (BacktestResult result : results) {
            section(doc, result, charts);
            data.add(data(result));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", source);
        root.put("from", first.grid().start().toString());
        root.put("to", first.grid().end().toString());
        root.put("step", Durations.format(first.grid().step()));
        root.put("slos", data);
        return new Report("slo-backtest", 1, root, doc.build());
    }

    private static void section(Document.Builder doc, BacktestResult result, boolean charts) {
        doc.heading(2, result.slo().id());
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < result.incidents().size(); i++) {
            Interval incident = result.incidents().get(i);
            incidents.add(result.incidentNames().get(i) + ": " + StatusReport.TIME.format(incident.start()) + ", "
                    + StatusReport.duration(incident.length().plus(result.grid().step())));
        }
        doc.paragraph(String.format(Locale.ROOT, "Objective %s%% over %s. %d incident(s) %s.",
                StatusReport.number(result.slo().objective()), Durations.format(result.period()),
                result.incidents().size(), result.givenIncidents() ? "from the incidents file"
                        : "where the 5m burn rate exceeded the page factor"));
        if (!incidents.isEmpty()) {
            doc.add(new Document.BulletList(incidents));
        }
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (AlertResult alert : result.alerts()) {
            List<Duration> delays = alert.detections().stream().flatMap(Optional::stream).sorted().toList();
            boolean page = alert.rule().severity().equals("page");
            rows.add(List.of(Document.Cell.of(alert.rule().name()), Document.Cell.of(describe(alert.rule())),
                    Document.Cell.of(String.valueOf(alert.firing().size())),
                    Document.Cell.of(StatusReport.duration(alert.firingTime())),
                    new Document.Cell(alert.detected() + "/" + result.incidents().size(),
                            alert.detected() == result.incidents().size() ? Document.Tone.PLAIN
                                    : page ? Document.Tone.BAD : Document.Tone.MUTED),
                    Document.Cell.of(delays.isEmpty() ? "-" : StatusReport.duration(delays.get((delays.size() - 1) / 2))),
                    Document.Cell.of(delays.isEmpty() ? "-" : StatusReport.duration(delays.getLast())),
                    new Document.Cell(page ? String.valueOf(alert.noise().size()) : "-",
                            alert.noise().isEmpty() ? Document.Tone.PLAIN : Document.Tone.WARN),
                    new Document.Cell(page ? String.valueOf(alert.misses().size()) : "-",
                            alert.misses().isEmpty() ? Document.Tone.PLAIN : Document.Tone.BAD)));
        }
        doc.add(new Document.Table(List.of("Alert", "Condition", "Fired", "Firing time", "Incidents caught",
                "Median delay", "Worst delay", "Likely noise", "Missed 2% hours"), rows));
        if (charts) {
            charts(doc, result);
        }
    }

    private static String describe(AlertRule rule) {
        List<String> parts = new ArrayList<>();
        for (AlertRule.Condition condition : rule.conditions()) {
            parts.add(Durations.format(condition.longWindow()) + condition.shortWindow().map(s -> "&"
                    + Durations.format(s)).orElse("") + " > " + StatusReport.number(condition.factor()) + "×");
        }
        String text = String.join(" or ", parts);
        return rule.forDuration().isZero() ? text : text + " for " + Durations.format(rule.forDuration());
    }

    /**
     * The SLI with the SLO's target, the 5m and 1h burn rates with the multiwindow alerts' factors, and when each
     * alert fired (a labelled row per alert), all over UTC time.
     */
    private static void charts(Document.Builder doc, BacktestResult result) {
        int n = result.grid().size();
        int bucket = Math.max(1, (n + CHART_POINTS - 1) / CHART_POINTS);
        List<java.time.Instant> times = new ArrayList<>();
        List<Double> burnShort = new ArrayList<>();
        List<Double> burnLong = new ArrayList<>();
        List<Double> sli = new ArrayList<>();
        for (int from = 0; from < n; from += bucket) {
            int to = Math.min(n, from + bucket);
            times.add(result.grid().at(from));
            burnShort.add(max(result.burnShort(), from, to));
            burnLong.add(max(result.burnLong(), from, to));
            double worst = max(result.errorRatio(), from, to);
            sli.add(Double.isNaN(worst) ? Double.NaN : (1 - worst) * 100);
        }
        ChartData.Domain x = ChartData.Domain.times(times);
        doc.add(new Document.Chart(ChartData.builder("SLI over 5m (worst per point), " + result.slo().id(),
                ChartData.Kind.LINE, x, ChartData.ValueAxis.percent("SLI").fitted())
                .series("SLI", sli, "#2e7d32")
                .reference(result.slo().objective(), "SLO target", "#c62828").build()));
        ChartData.Builder burn = ChartData.builder("Burn rate, " + result.slo().id(), ChartData.Kind.LINE, x,
                ChartData.ValueAxis.amount("burn rate", "×"))
                .series("5m", burnShort, "#1565c0").series("1h", burnLong, "#00838f");
        factors(result).forEach((factor, label) -> burn.reference(factor, label,
                label.startsWith("page") ? "#c62828" : "#ef6c00"));
        doc.add(new Document.Chart(burn.build()));
        ChartData.Builder firing = ChartData.builder("Alerts firing, " + result.slo().id(), ChartData.Kind.TIMELINE,
                x, ChartData.ValueAxis.amount("", ""));
        for (AlertResult alert : result.alerts()) {
            List<Double> values = new ArrayList<>();
            for (int from = 0; from < n; from += bucket) {
                long start = result.grid().millisAt(from);
                long end = result.grid().millisAt(Math.min(n, from + bucket) - 1);
                boolean on = alert.firing().stream().anyMatch(f -> f.start().toEpochMilli() <= end
                        && f.end().toEpochMilli() >= start);
                values.add(on ? 1.0 : Double.NaN);
            }
            firing.series(alert.rule().name(), values, colour(alert.rule()));
        }
        doc.add(new Document.Chart(firing.build()));
    }

    /**
     * The burn-rate factors of the multiwindow multi-burn-rate alerts (14.4×, 6×, 3×, 1× by default), each labelled
     * with its severity and windows; every rule's factors when there is no such alert.
     */
    static Map<Double, String> factors(BacktestResult result) {
        List<AlertRule> rules = result.alerts().stream().map(AlertResult::rule)
                .filter(rule -> rule.strategy().equals("mwmbr")).toList();
        if (rules.isEmpty()) {
            rules = result.alerts().stream().map(AlertResult::rule).toList();
        }
        Map<Double, String> factors = new java.util.TreeMap<>();
        for (AlertRule rule : rules) {
            for (AlertRule.Condition condition : rule.conditions()) {
                factors.putIfAbsent(condition.factor(), rule.severity() + " "
                        + Durations.format(condition.longWindow())
                        + condition.shortWindow().map(s -> "&" + Durations.format(s)).orElse(""));
            }
        }
        return factors;
    }

    /** A hue per approach, darker for pages, so the timeline reads without counting lines. */
    private static String colour(AlertRule rule) {
        boolean page = rule.severity().equals("page");
        return switch (rule.strategy()) {
            case "mwmbr" -> page ? "#c62828" : "#ef9a9a";
            case "single-window" -> page ? "#6a1b9a" : "#ce93d8";
            case "spec" -> page ? "#1565c0" : "#90caf9";
            default -> "#2e7d32";
        };
    }

    private static double max(double[] values, int from, int to) {
        double max = Double.NaN;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i]) && (Double.isNaN(max) || values[i] > max)) {
                max = values[i];
            }
        }
        return max;
    }

    private static Map<String, Object> data(BacktestResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", result.slo().id());
        entry.put("objectivePercent", result.slo().objective());
        entry.put("period", Durations.format(result.period()));
        entry.put("incidentsGiven", result.givenIncidents());
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (int i = 0; i < result.incidents().size(); i++) {
            Map<String, Object> incident = interval(result.incidents().get(i));
            incident.put("name", result.incidentNames().get(i));
            incidents.add(incident);
        }
        entry.put("incidents", incidents);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (AlertResult alert : result.alerts()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("strategy", alert.rule().strategy());
            one.put("severity", alert.rule().severity());
            one.put("condition", describe(alert.rule()));
            one.put("firing", alert.firing().stream().map(BacktestReport::interval).toList());
            List<Map<String, Object>> detections = new ArrayList<>();
            for (int i = 0; i < alert.detections().size(); i++) {
                Map<String, Object> detection = new LinkedHashMap<>();
                detection.put("incident", result.incidentNames().get(i));
                detection.put("delaySeconds", alert.detections().get(i).map(Duration::toSeconds).orElse(null));
                detections.add(detection);
            }
            one.put("detections", detections);
            one.put("noise", alert.noise().stream().map(BacktestReport::interval).toList());
            one.put("missed", alert.misses().stream().map(BacktestReport::interval).toList());
            alerts.add(one);
        }
        entry.put("alerts", alerts);
        return entry;
    }

    private static Map<String, Object> interval(Interval interval) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("start", interval.start().toString());
        map.put("end", interval.end().toString());
        return map;
    }
}
