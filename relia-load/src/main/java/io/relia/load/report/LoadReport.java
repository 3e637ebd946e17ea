package io.relia.load.report;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.load.run.ErrorKind;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadRunner;
import io.relia.load.run.LoadStats;
import io.relia.load.run.TimelinePoint;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.threshold.Threshold;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load run as a report: the JSON summary ({@code kind: load-run}) and the same facts for people, with corrected
 * and uncorrected latency side by side, the latency-over-time and percentile-distribution charts.
 */
public final class LoadReport {

    /** Version of the JSON shape written as {@code schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;

    /** Percentiles in tables and JSON. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    /** Most points drawn in the latency-over-time chart; longer runs are averaged down to this. */
    private static final int CHART_POINTS = 120;

    private LoadReport() {
    }

    /** Builds the report of a run. */
    public static Report of(LoadResult result) {
        return new Report("load-run", SCHEMA_VERSION, data(result), document(result));
    }

    static Map<String, Object> data(LoadResult result) {
        LoadStats total = result.total();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scenario", result.scenario().name());
        data.put("target", result.scenario().target().toString());
        data.put("model", LoadRunner.isOpenModel(result.scenario()) ? "open" : "closed");
        data.put("profile", profile(result.scenario().profile()));
        data.put("connections", result.scenario().connections());
        data.put("threads", result.options().threads());
        data.put("transport", result.transport());
        data.put("started", result.started().toString());
        data.put("warmupSeconds", result.scenario().warmup().toNanos() / 1e9);
        data.put("measuredSeconds", round(total.seconds()));
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("finished", total.requests());
        requests.put("responses", total.responses());
        requests.put("errors", total.errors());
        requests.put("errorRatio", ratio(total.errors(), total.requests()));
        requests.put("sent", total.sent());
        requests.put("unsent", total.unsent());
        requests.put("inFlightAtStop", total.inFlightAtStop());
        requests.put("lateSends", total.lateSends());
        requests.put("notSent", total.errors(ErrorKind.NOT_SENT));
        data.put("requests", requests);
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("intended", round(total.intendedRate()));
        rates.put("sent", round(total.sendRate()));
        rates.put("achieved", round(total.achievedRate()));
        data.put("rates", rates);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("unit", "ms");
        latency.put("corrected", percentiles(total.correctedLatency()));
        latency.put("uncorrected", percentiles(total.uncorrectedLatency()));
        latency.put("sendLag", percentiles(total.sendLag()));
        data.put("latency", latency);
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (int code = 0; code < 600; code++) {
            if (total.status(code) > 0) {
                statuses.put(Integer.toString(code), total.status(code));
            }
        }
        data.put("statuses", statuses);
        Map<String, Object> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            if (total.errors(kind) > 0) {
                errors.put(kind.label(), total.errors(kind));
            }
        }
        data.put("errorKinds", errors);
        List<Map<String, Object>> byName = new ArrayList<>();
        for (int i = 0; i < total.templates(); i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", result.scenario().requests().get(i).name());
            one.put("requests", total.templateRequests(i));
            one.put("errors", total.templateErrors(i));
            one.put("latency", percentiles(total.templateLatency(i)));
            byName.add(one);
        }
        data.put("byRequest", byName);
        List<Map<String, Object>> thresholds = new ArrayList<>();
        for (Threshold.Verdict verdict : result.verdicts()) {
            thresholds.add(verdictMap(verdict));
        }
        data.put("thresholds", thresholds);
        data.put("passed", result.passed());
        data.put("abortedBy", result.abortedBy().map(LoadReport::verdictMap).orElse(null));
        data.put("interrupted", result.interrupted());
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (TimelinePoint p : result.timeline()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("t", round(p.seconds()));
            point.put("intendedRate", round(p.intendedRate()));
            point.put("sendRate", round(p.sendRate()));
            point.put("doneRate", round(p.doneRate()));
            point.put("errorRatio", round(p.errorRatio()));
            point.put("p50", round(p.p50()));
            point.put("p90", round(p.p90()));
            point.put("p99", round(p.p99()));
            point.put("max", round(p.max()));
            point.put("uncorrectedP99", round(p.uncorrectedP99()));
            point.put("warmup", p.warmup());
            timeline.add(point);
        }
        data.put("timeline", timeline);
        return data;
    }

    static Map<String, Object> verdictMap(Threshold.Verdict verdict) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("threshold", verdict.threshold().source());
        one.put("observed", round(verdict.observed()));
        one.put("pass", verdict.pass());
        return one;
    }

    private static Map<String, Object> profile(LoadProfile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (profile) {
            case LoadProfile.Constant c -> {
                out.put("type", "constant");
                out.put("rate", c.rate());
            }
            case LoadProfile.Ramping r -> {
                out.put("type", "ramping");
                out.put("startRate", r.startRate());
                out.put("stages", r.stages().stream().map(s -> Map.of("target", s.target(),
                        "seconds", s.duration().toNanos() / 1e9)).toList());
            }
            case LoadProfile.Closed c -> {
                out.put("type", "closed");
                out.put("thinkTimeSeconds", c.thinkTime().toNanos() / 1e9);
            }
        }
        out.put("seconds", profile.duration().toNanos() / 1e9);
        return out;
    }

    /** Percentiles, max and mean of a µs histogram, in ms (null when empty). */
    public static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (double q : PERCENTILES) {
            out.put(label(q), h.getTotalCount() == 0 ? null : round(h.getValueAtPercentile(q) / 1000.0));
        }
        out.put("max", h.getTotalCount() == 0 ? null : round(h.getMaxValue() / 1000.0));
        out.put("mean", h.getTotalCount() == 0 ? null : round(h.getMean() / 1000.0));
        return out;
    }

    /** {@code p99}, {@code p99.9}. */
    public static String label(double q) {
        return "p" + (q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q));
    }

    static Double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Math.round(v * 1000) / 1000.0;
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round((double) part / whole * 1e6) / 1e6;
    }

    /** Milliseconds for people: {@code 0.42ms}, {@code 12.3ms}, {@code 1.25s}; {@code -} for NaN. */
    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2fs", millis / 1000);
        }
        if (millis >= 10) {
            return String.format(Locale.ROOT, "%.1fms", millis);
        }
        return String.format(Locale.ROOT, "%.2fms", millis);
    }

    static Document document(LoadResult result) {
        return LoadDocument.build(result);
    }

    /**
     * Latency per interval, corrected and uncorrected, with the warm-up shaded (drawn, but left out of the axis range
     * as it is out of every statistic) and the latency thresholds as lines.
     */
    static ChartData latencyOverTime(LoadResult result) {
        List<TimelinePoint> points = downsample(chartPoints(result));
        ChartData.Builder chart = ChartData.builder("Latency over time (corrected)", ChartData.Kind.LINE,
                elapsed(points), ChartData.ValueAxis.amount("latency", "ms"))
                .series("p50", points.stream().map(TimelinePoint::p50).toList(), "#2e7d32")
                .series("p99", points.stream().map(TimelinePoint::p99).toList(), "#ef6c00")
                .series("max", points.stream().map(TimelinePoint::max).toList(), "#c62828")
                .series("p99 uncorrected", points.stream().map(TimelinePoint::uncorrectedP99).toList(), "#1565c0");
        warmup(result, chart);
        for (Threshold threshold : result.scenario().thresholds()) {
            if (threshold.metric() instanceof Threshold.Metric.Percentile
                    || threshold.metric() instanceof Threshold.Metric.Mean
                    || threshold.metric() instanceof Threshold.Metric.Max) {
                chart.reference(threshold.limit(), "threshold " + threshold.source(), "#6a1b9a");
            }
        }
        return chart.build();
    }

    /** Intended, sent and finished requests per second, the warm-up shaded, rate thresholds as lines. */
    static ChartData throughputOverTime(LoadResult result) {
        List<TimelinePoint> points = downsample(chartPoints(result));
        ChartData.Builder chart = ChartData.builder("Rate over time", ChartData.Kind.LINE, elapsed(points),
                ChartData.ValueAxis.amount("rate", "req/s"));
        if (LoadRunner.isOpenModel(result.scenario())) {
            chart.series("intended", points.stream().map(TimelinePoint::intendedRate).toList(), "#757575");
        }
        chart.series("sent", points.stream().map(TimelinePoint::sendRate).toList(), "#1565c0")
                .series("finished", points.stream().map(TimelinePoint::doneRate).toList(), "#2e7d32");
        warmup(result, chart);
        for (Threshold threshold : result.scenario().thresholds()) {
            if (threshold.metric() instanceof Threshold.Metric.Rate) {
                chart.reference(threshold.limit(), "threshold " + threshold.source(), "#6a1b9a");
            }
        }
        return chart.build();
    }

    private static ChartData.Domain elapsed(List<TimelinePoint> points) {
        return ChartData.Domain.elapsed(points.stream().map(TimelinePoint::seconds).toList());
    }

    private static void warmup(LoadResult result, ChartData.Builder chart) {
        double warmup = result.scenario().warmup().toNanos() / 1e9;
        if (warmup > 0) {
            chart.excludedBand(0, warmup, "warm-up (not in the statistics)");
        }
    }

    /**
     * The timeline without a partial last interval: the run's tail after the last send is shorter than an interval,
     * and its rates (nothing left to send) would draw a drop to zero that never happened.
     */
    static List<TimelinePoint> chartPoints(LoadResult result) {
        List<TimelinePoint> timeline = result.timeline();
        double interval = result.options().interval().toNanos() / 1e9;
        if (timeline.size() >= 2) {
            double span = timeline.getLast().seconds() - timeline.get(timeline.size() - 2).seconds();
            if (span < interval * 0.99) {
                return timeline.subList(0, timeline.size() - 1);
            }
        }
        return timeline;
    }

    static ChartData percentileDistribution(LoadStats total) {
        double[] qs = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100};
        List<String> labels = new ArrayList<>();
        List<Double> corrected = new ArrayList<>();
        List<Double> uncorrected = new ArrayList<>();
        for (double q : qs) {
            labels.add(q == 0 ? "min" : q == 100 ? "max" : label(q));
            corrected.add(millisAt(total.correctedLatency(), q));
            uncorrected.add(millisAt(total.uncorrectedLatency(), q));
        }
        return ChartData.builder("Latency by percentile", ChartData.Kind.LINE,
                ChartData.Domain.categories("percentile", labels), ChartData.ValueAxis.amount("latency", "ms"))
                .series("corrected (from intended send time)", corrected, "#c62828")
                .series("uncorrected (from actual send time)", uncorrected, "#1565c0").build();
    }

    /** The value at percentile {@code q} of a µs histogram, in ms (0 = min, 100 = max); NaN when empty. */
    public static double millisAt(Histogram h, double q) {
        if (h.getTotalCount() == 0) {
            return Double.NaN;
        }
        long v = q == 0 ? h.getMinValue() : q == 100 ? h.getMaxValue() : h.getValueAtPercentile(q);
        return v / 1000.0;
    }

    private static List<TimelinePoint> downsample(List<TimelinePoint> timeline) {
        if (timeline.size() <= CHART_POINTS) {
            return timeline;
        }
        int step = (timeline.size() + CHART_POINTS - 1) / CHART_POINTS;
        List<TimelinePoint> out = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i += step) {
            List<TimelinePoint> chunk = timeline.subList(i, Math.min(timeline.size(), i + step));
            double n = chunk.size();
            out.add(new TimelinePoint(chunk.getLast().seconds(),
                    chunk.stream().mapToDouble(TimelinePoint::intendedRate).sum() / n,
                    chunk.stream().mapToDouble(TimelinePoint::sendRate).sum() / n,
                    chunk.stream().mapToDouble(TimelinePoint::doneRate).sum() / n,
                    chunk.stream().mapToDouble(TimelinePoint::errorRatio).max().orElse(Double.NaN),
                    chunk.stream().mapToDouble(TimelinePoint::p50).max().orElse(Double.NaN),
                    chunk.stream().mapToDouble(TimelinePoint::p90).max().orElse(Double.NaN),
                    chunk.stream().mapToDouble(TimelinePoint::p99).max().orElse(Double.NaN),
                    chunk.stream().mapToDouble(TimelinePoint::max).max().orElse(Double.NaN),
                    chunk.stream().mapToDouble(TimelinePoint::uncorrectedP99).max().orElse(Double.NaN),
                    chunk.getFirst().warmup()));
        }
        return out;
    }
}
