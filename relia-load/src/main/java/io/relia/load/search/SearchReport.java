package io.relia.load.search;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import io.relia.core.report.Report;
import io.relia.load.report.LoadReport;
import io.relia.load.scenario.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search's result as a report: the knee, the first failing rate and why, every step, and a throughput/latency
 * chart. The JSON ({@code kind: load-find-max}) is what {@code relia capacity plan --per-instance} reads
 * ({@code knee.rate}, req/s).
 */
public final class SearchReport {

    /** Version of the JSON shape written as {@code schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;

    private SearchReport() {
    }

    public static Report of(SearchResult result, Scenario scenario, SearchOptions options) {
        return new Report("load-find-max", SCHEMA_VERSION, data(result, scenario, options),
                document(result, scenario, options));
    }

    static Map<String, Object> data(SearchResult result, Scenario scenario, SearchOptions options) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("target", scenario.target().toString());
        data.put("scenario", scenario.name());
        data.put("slo", result.slo());
        data.put("knee", result.knee().map(SearchReport::step).orElse(null));
        data.put("firstFailure", result.firstFailure().map(SearchReport::step).orElse(null));
        data.put("limitedBy", result.limitedBy());
        data.put("connections", scenario.connections());
        data.put("stepSeconds", options.step().toNanos() / 1e9);
        data.put("stepWarmupSeconds", options.stepWarmup().toNanos() / 1e9);
        data.put("precision", options.precision());
        data.put("steps", result.steps().stream().map(SearchReport::step).toList());
        return data;
    }

    private static Map<String, Object> step(StepResult s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", s.phase());
        out.put("rate", round(s.rate()));
        out.put("sendRate", round(s.sendRate()));
        out.put("achievedRate", round(s.achievedRate()));
        out.put("p50", round(s.p50()));
        out.put("p99", round(s.p99()));
        out.put("errorRatio", Double.isNaN(s.errorRatio()) ? null : Math.round(s.errorRatio() * 1e6) / 1e6);
        out.put("pass", s.pass());
        out.put("reason", s.reason());
        return out;
    }

    private static Double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 100) / 100.0;
    }

    static Document document(SearchResult result, Scenario scenario, SearchOptions options) {
        Document.Builder doc = new Document.Builder("Maximum sustainable throughput: " + scenario.target());
        doc.add(result.knee().map(k -> new Document.Paragraph(String.format(Locale.ROOT,
                "Knee: %,.0f req/s meets %s (p99 %s, errors %.3f%%).", k.rate(), result.slo(), LoadReport.ms(k.p99()),
                k.errorRatio() * 100), Tone.GOOD))
                .orElse(new Document.Paragraph("No rate met " + result.slo() + ".", Tone.BAD)));
        result.firstFailure().ifPresent(f -> doc.add(new Document.Paragraph(String.format(Locale.ROOT,
                "First failing rate: %,.0f req/s: %s.", f.rate(), f.reason()), Tone.WARN)));
        doc.paragraph(String.format(Locale.ROOT, "%d steps of %.0f s (first %.0f s left out), %d connections; "
                + "stopped: %s.", result.steps().size(), options.step().toNanos() / 1e9,
                options.stepWarmup().toNanos() / 1e9, scenario.connections(), stopReason(result.limitedBy())));
        List<List<Cell>> rows = new ArrayList<>();
        for (StepResult s : result.steps()) {
            rows.add(List.of(Cell.of(s.phase()), Cell.of(String.format(Locale.ROOT, "%,.0f req/s", s.rate())),
                    Cell.of(String.format(Locale.ROOT, "%,.0f req/s", s.achievedRate())),
                    Cell.of(LoadReport.ms(s.p50())),
                    Cell.of(LoadReport.ms(s.p99())),
                    Cell.of(String.format(Locale.ROOT, "%.3f%%", s.errorRatio() * 100)),
                    new Cell(s.pass() ? "pass" : "FAIL: " + s.reason(), s.pass() ? Tone.GOOD : Tone.BAD)));
        }
        doc.heading(1, "Steps");
        doc.add(new Document.Table(List.of("phase", "intended rate", "finished", "p50", "p99", "errors", "verdict"),
                rows));
        if (!result.steps().isEmpty()) {
            doc.heading(1, "Throughput and latency");
            doc.add(new Document.Chart(latencyChart(result)));
            doc.add(new Document.Chart(rateChart(result)));
        }
        return doc.build();
    }

    /** p99 latency against the intended rate; the knee (last pass to first failure) shaded. */
    static ChartData latencyChart(SearchResult result) {
        List<StepResult> sorted = sorted(result);
        return knee(result, ChartData.builder("p99 latency by intended rate", ChartData.Kind.LINE, rates(sorted),
                ChartData.ValueAxis.amount("p99 latency", "ms"))
                .series("p99", sorted.stream().map(StepResult::p99).toList(), "#c62828")).build();
    }

    /** Finished against intended requests per second: where the two part, the service stopped keeping up. */
    static ChartData rateChart(SearchResult result) {
        List<StepResult> sorted = sorted(result);
        return knee(result, ChartData.builder("Finished rate by intended rate", ChartData.Kind.LINE, rates(sorted),
                ChartData.ValueAxis.amount("rate", "req/s"))
                .series("finished", sorted.stream().map(StepResult::achievedRate).toList(), "#2e7d32")
                .series("intended (keeping up)", sorted.stream().map(StepResult::rate).toList(), "#757575")).build();
    }

    private static List<StepResult> sorted(SearchResult result) {
        return result.steps().stream().sorted(Comparator.comparingDouble(StepResult::rate)).toList();
    }

    private static ChartData.Domain rates(List<StepResult> sorted) {
        return ChartData.Domain.numbers("intended rate", "req/s", sorted.stream().map(StepResult::rate).toList());
    }

    private static ChartData.Builder knee(SearchResult result, ChartData.Builder chart) {
        result.knee().ifPresent(knee -> result.firstFailure().filter(failure -> failure.rate() > knee.rate())
                .ifPresent(failure -> chart.band(knee.rate(), failure.rate(), "knee: last pass to first failure")));
        return chart;
    }

    private static String stopReason(String limitedBy) {
        return switch (limitedBy) {
            case "precision" -> "the knee is known within the precision and held when repeated";
            case "max-rate" -> "the maximum rate passed (the knee is at least that)";
            case "start-failed" -> "the start rate already failed (try a lower --start-rate)";
            case "generator" -> "the load generator could not send fast enough (more --threads or connections)";
            case "unstable" -> "the knee did not hold when repeated (results vary between steps: longer steps)";
            case "interrupted" -> "interrupted";
            default -> "the step budget ran out";
        };
    }
}
