package io.relia.incident.metrics;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import io.relia.core.report.Report;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.view.IncidentViews;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Incident metrics for people (definitions, tables, a chart) and as versioned JSON ({@code incident-stats}). */
public final class MetricsReport {

    /** JSON shape version of kind {@code incident-stats}. */
    public static final int SCHEMA_VERSION = 1;

    /** Says which "R" MTTR is, as Atlassian asks every report to, and how the other numbers are measured. */
    static final String DEFINITIONS = "MTTR here is mean time to recover: from impact start (or detection when the "
            + "start is unknown) to mitigation, over resolved incidents; it is not time to repair, respond or "
            + "resolve. MTTD: impact start to detection, over incidents with a recorded impact start. MTTA: "
            + "detection to acknowledgement, over acknowledged incidents, open ones included. Time to resolve: "
            + "declaration to resolution. MTBF: (period − time with user impact) ÷ incidents. Medians of an even "
            + "count are the mean of the two middle values; p90 is nearest-rank. Drills are excluded; incidents "
            + "count when declared in the period, and an incident with several services counts for each.";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "–";

    private MetricsReport() {
    }

    /** The human-readable view: summary, definitions, overall, per severity, per service, chart. */
    public static Document document(IncidentMetrics metrics) {
        IncidentStats overall = metrics.overall();
        Document.Builder doc = new Document.Builder("Incident metrics");
        doc.paragraph(overall.count() + " incident" + (overall.count() == 1 ? "" : "s") + " (" + overall.open()
                + " open) declared from " + MINUTE.format(metrics.from()) + " to " + MINUTE.format(metrics.to())
                + " UTC; " + metrics.drills() + " drill" + (metrics.drills() == 1 ? "" : "s") + " excluded.");
        if (!metrics.leftOut().isEmpty()) {
            doc.paragraph(String.join("; ", metrics.leftOut().stream().map(LeftOut::describe).toList())
                    + " (stored times that break the lifecycle rules).");
        }
        doc.heading(1, "Definitions");
        doc.paragraph(DEFINITIONS);
        doc.heading(1, "Overall");
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(durationRow("MTTD (time to detect)", overall.mttd()));
        rows.add(durationRow("MTTA (time to acknowledge)", overall.mtta()));
        rows.add(durationRow("MTTR (time to recover)", overall.mttr()));
        rows.add(durationRow("Time to resolve", overall.timeToResolve()));
        doc.add(new Document.Table(List.of("Measure", "n", "mean", "median", "p90"), rows));
        doc.add(new Document.Table(List.of("Incidents", "Open", "MTBF", "Response target breaches",
                "Postmortems overdue"), List.of(List.of(Cell.of(Integer.toString(overall.count())),
                Cell.of(Integer.toString(overall.open())), Cell.of(mtbf(metrics.overallMtbf())),
                count(overall.responseBreaches()), count(overall.postmortemsOverdue())))));
        doc.heading(1, "By severity");
        List<List<Cell>> severities = new ArrayList<>();
        metrics.bySeverity().forEach((severity, stats) -> severities.add(List.of(Cell.of(severity.name()),
                Cell.of(Integer.toString(stats.count())), Cell.of(Integer.toString(stats.open())),
                Cell.of(median(stats.mttd())), Cell.of(median(stats.mtta())), Cell.of(p90(stats.mtta())),
                Cell.of(median(stats.mttr())), Cell.of(p90(stats.mttr())), Cell.of(median(stats.timeToResolve())),
                count(stats.responseBreaches()), count(stats.postmortemsOverdue()))));
        doc.add(new Document.Table(List.of("Severity", "Incidents", "Open", "MTTD median", "MTTA median", "MTTA p90",
                "MTTR median", "MTTR p90", "Resolve median", "Response breaches", "Postmortems overdue"), severities));
        doc.heading(1, "By service");
        if (metrics.byService().isEmpty()) {
            doc.paragraph("No incident in the period lists a service.");
        } else {
            List<List<Cell>> services = new ArrayList<>();
            metrics.byService().forEach((service, stats) -> services.add(List.of(Cell.of(service),
                    Cell.of(Integer.toString(stats.count())), Cell.of(Integer.toString(stats.open())),
                    Cell.of(median(stats.mttd())), Cell.of(median(stats.mtta())), Cell.of(median(stats.mttr())),
                    Cell.of(p90(stats.mttr())), Cell.of(mtbf(metrics.mtbfByService().get(service))),
                    count(stats.responseBreaches()), count(stats.postmortemsOverdue()))));
            doc.add(new Document.Table(List.of("Service", "Incidents", "Open", "MTTD median", "MTTA median",
                    "MTTR median", "MTTR p90", "MTBF", "Response breaches", "Postmortems overdue"), services));
        }
        doc.add(new Document.Chart(chart(metrics)));
        return doc.build();
    }

    /** The document plus the numbers as JSON (durations in seconds). */
    public static Report report(IncidentMetrics metrics) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", metrics.from().toString());
        data.put("to", metrics.to().toString());
        data.put("drills", metrics.drills());
        data.put("overall", json(metrics.overall(), metrics.overallMtbf()));
        Map<String, Object> severities = new LinkedHashMap<>();
        metrics.bySeverity().forEach((severity, stats) -> severities.put(severity.name(), json(stats, null)));
        data.put("bySeverity", severities);
        Map<String, Object> services = new LinkedHashMap<>();
        metrics.byService().forEach((service, stats) -> services.put(service,
                json(stats, metrics.mtbfByService().get(service))));
        data.put("byService", services);
        data.put("leftOut", metrics.leftOut().stream().map(MetricsReport::json).toList());
        return new Report("incident-stats", SCHEMA_VERSION, data, document(metrics));
    }

    /**
     * Median MTTA and MTTR per severity, in the unit that suits the longest of them (seconds under 2 minutes, minutes
     * under 2 hours, else hours), so that an acknowledgement after 1.2 s reads 1.2 s rather than 0.02 min; a severity
     * without data has no bar (NaN), not a zero one.
     */
    static ChartData chart(IncidentMetrics metrics) {
        List<String> categories = new ArrayList<>();
        List<Optional<Duration>> mtta = new ArrayList<>();
        List<Optional<Duration>> mttr = new ArrayList<>();
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            IncidentStats stats = metrics.bySeverity().get(severity);
            categories.add(severity.name());
            mtta.add(stats.mtta().isEmpty() ? Optional.empty() : Optional.of(stats.mtta().median()));
            mttr.add(stats.mttr().isEmpty() ? Optional.empty() : Optional.of(stats.mttr().median()));
        }
        Duration longest = java.util.stream.Stream.concat(mtta.stream(), mttr.stream()).flatMap(Optional::stream)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        ChartUnit unit = longest.compareTo(Duration.ofMinutes(2)) < 0 ? ChartUnit.SECONDS
                : longest.compareTo(Duration.ofHours(2)) < 0 ? ChartUnit.MINUTES : ChartUnit.HOURS;
        return ChartData.builder("Median MTTA and MTTR per severity", ChartData.Kind.BAR,
                ChartData.Domain.categories("severity", categories), ChartData.ValueAxis.amount("median", unit.symbol))
                .series("MTTA median", unit.values(mtta), "").series("MTTR median", unit.values(mttr), "").build();
    }

    /**
     * A unit for the chart's durations; values are exact (writers round them for display), so a 90 s
     * acknowledgement beside a 3 h recovery is 0.025 h, not 0; no data is NaN.
     */
    private enum ChartUnit {
        SECONDS("s", 1_000), MINUTES("min", 60_000), HOURS("h", 3_600_000);

        private final String symbol;
        private final long millis;

        ChartUnit(String symbol, long millis) {
            this.symbol = symbol;
            this.millis = millis;
        }

        List<Double> values(List<Optional<Duration>> durations) {
            return durations.stream().map(d -> d.map(value -> value.toMillis() / (double) millis)
                    .orElse(Double.NaN)).toList();
        }
    }

    private static Map<String, Object> json(IncidentStats stats, Mtbf mtbf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", stats.count());
        out.put("open", stats.open());
        out.put("mttd", json(stats.mttd()));
        out.put("mtta", json(stats.mtta()));
        out.put("mttr", json(stats.mttr()));
        out.put("timeToResolve", json(stats.timeToResolve()));
        out.put("responseBreaches", stats.responseBreaches());
        out.put("postmortemsOverdue", stats.postmortemsOverdue());
        if (mtbf != null) {
            Map<String, Object> between = new LinkedHashMap<>();
            between.put("uptimeSeconds", seconds(mtbf.uptime()));
            between.put("failures", mtbf.failures());
            between.put("meanSeconds", mtbf.mean().map(MetricsReport::seconds).orElse(null));
            out.put("mtbf", between);
        }
        return out;
    }

    private static Map<String, Object> json(LeftOut leftOut) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", leftOut.metric());
        out.put("reason", leftOut.reason());
        out.put("incidents", leftOut.incidents());
        return out;
    }

    private static Map<String, Object> json(DurationStats stats) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", stats.count());
        out.put("meanSeconds", stats.isEmpty() ? null : seconds(stats.mean()));
        out.put("medianSeconds", stats.isEmpty() ? null : seconds(stats.median()));
        out.put("p90Seconds", stats.isEmpty() ? null : seconds(stats.p90()));
        return out;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static List<Cell> durationRow(String name, DurationStats stats) {
        return List.of(Cell.of(name), Cell.of(Integer.toString(stats.count())), Cell.of(mean(stats)),
                Cell.of(median(stats)), Cell.of(p90(stats)));
    }

    private static String mean(DurationStats stats) {
        return stats.isEmpty() ? NONE : IncidentViews.span(stats.mean());
    }

    private static String median(DurationStats stats) {
        return stats.isEmpty() ? NONE : IncidentViews.span(stats.median());
    }

    private static String p90(DurationStats stats) {
        return stats.isEmpty() ? NONE : IncidentViews.span(stats.p90());
    }

    private static String mtbf(Mtbf mtbf) {
        return mtbf.mean().map(mean -> IncidentViews.span(mean) + " (" + IncidentViews.span(mtbf.uptime())
                + " uptime ÷ " + mtbf.failures() + ")").orElse(NONE);
    }

    private static Cell count(int value) {
        return new Cell(Integer.toString(value), value > 0 ? Tone.BAD : Tone.GOOD);
    }
}
