package io.relia.incident.metrics;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentTimes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics report: definitions first, then tables, then a chart; the same numbers as JSON. */
class MetricsReportTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(10));

    private static IncidentMetrics metrics() {
        Incident sev2 = Incident.declare("a", IncidentSeverity.SEV2, FROM.plus(Duration.ofMinutes(10)))
                .withServices(List.of("checkout")).acknowledge(FROM.plus(Duration.ofMinutes(14)))
                .mitigate(FROM.plus(Duration.ofMinutes(40))).resolve(FROM.plus(Duration.ofMinutes(50)));
        Incident drill = Incident.declare("b", IncidentSeverity.SEV1, FROM.plus(Duration.ofHours(5))).withDrill(true);
        return IncidentMetrics.compute(List.of(sev2, drill), FROM, TO, IncidentPolicy.DEFAULT);
    }

    private static String render(Report report, ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(format, false).write(report, out);
        return out.toString();
    }

    @Test
    void definitionsSayWhichRMttrMeans() {
        Document document = MetricsReport.document(metrics());
        assertThat(document.blocks()).contains(new Document.Heading(1, "Definitions"),
                new Document.Paragraph(MetricsReport.DEFINITIONS));
        assertThat(MetricsReport.DEFINITIONS).startsWith("MTTR here is mean time to recover");
    }

    @Test
    void sectionsAreDefinitionsOverallBySeverityByService() {
        List<String> headings = MetricsReport.document(metrics()).blocks().stream()
                .filter(block -> block instanceof Document.Heading).map(block -> ((Document.Heading) block).text())
                .toList();
        assertThat(headings).containsExactly("Definitions", "Overall", "By severity", "By service");
    }

    @Test
    void chartShowsMedianMttaAndMttrPerSeverityInMinutesAndNoBarWithoutData() {
        ChartData chart = MetricsReport.chart(metrics());
        assertThat(chart.kind()).isEqualTo(ChartData.Kind.BAR);
        assertThat(chart.categories()).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
        assertThat(chart.y().unit()).isEqualTo("min");
        assertThat(chart.series().get(0).values()).containsExactly(Double.NaN, 4.0, Double.NaN, Double.NaN);
        assertThat(chart.series().get(1).values()).containsExactly(Double.NaN, 30.0, Double.NaN, Double.NaN);
    }

    @Test
    void aQuickResponseIsChartedInSecondsNotAsAFractionOfAMinute() {
        Incident quick = Incident.declare("a", IncidentSeverity.SEV1, FROM.plusSeconds(60))
                .acknowledge(FROM.plusMillis(61_200)).mitigate(FROM.plusSeconds(110))
                .resolve(FROM.plusSeconds(200));
        ChartData chart = MetricsReport.chart(IncidentMetrics.compute(List.of(quick), FROM, TO,
                IncidentPolicy.DEFAULT));

        assertThat(chart.y().unit()).isEqualTo("s");
        assertThat(chart.series().get(0).values()).containsExactly(1.2, Double.NaN, Double.NaN, Double.NaN);
        assertThat(chart.series().get(1).values()).containsExactly(50.0, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void aLongRecoveryIsChartedInHours() {
        Incident slow = Incident.declare("a", IncidentSeverity.SEV3, FROM.plusSeconds(60))
                .acknowledge(FROM.plus(Duration.ofMinutes(31))).mitigate(FROM.plus(Duration.ofMinutes(271)))
                .resolve(FROM.plus(Duration.ofHours(6)));
        ChartData chart = MetricsReport.chart(IncidentMetrics.compute(List.of(slow), FROM, TO,
                IncidentPolicy.DEFAULT));

        assertThat(chart.y().unit()).isEqualTo("h");
        assertThat(chart.series().get(0).values()).containsExactly(Double.NaN, Double.NaN, 0.5, Double.NaN);
        assertThat(chart.series().get(1).values()).containsExactly(Double.NaN, Double.NaN, 4.5, Double.NaN);
    }

    @Test
    void aQuickAcknowledgementBesideALongRecoveryIsAFractionOfAnHourNotZero() throws IOException {
        Incident slow = Incident.declare("a", IncidentSeverity.SEV1, FROM.plusSeconds(60))
                .acknowledge(FROM.plusSeconds(150)).mitigate(FROM.plus(Duration.ofHours(3)))
                .resolve(FROM.plus(Duration.ofHours(4)));
        IncidentMetrics metrics = IncidentMetrics.compute(List.of(slow), FROM, TO, IncidentPolicy.DEFAULT);

        assertThat(MetricsReport.chart(metrics).series().get(0).values()).containsExactly(0.025, Double.NaN,
                Double.NaN, Double.NaN);
        assertThat(render(MetricsReport.report(metrics), ReportFormat.MARKDOWN)).contains("| SEV1 | 0.025 | 2.983 |");
    }

    @Test
    void markdownAndHtmlRenderTheTablesAndTheChart() throws IOException {
        Report report = MetricsReport.report(metrics());
        String markdown = render(report, ReportFormat.MARKDOWN);
        assertThat(markdown).contains("1 incident (0 open) declared from 2026-01-01 00:00 to 2026-01-11 00:00 UTC; "
                + "1 drill excluded.")
                .contains("| MTTA (time to acknowledge) | 1 | 4m | 4m | 4m |")
                .contains("| checkout | 1 | 0 | – | 4m | 30m | 30m | 9d23h30m (9d23h30m uptime ÷ 1) | 0 | 1 |");
        assertThat(render(report, ReportFormat.HTML)).contains("<svg");
    }

    @Test
    void saysWhichIncidentsAMetricLeftOutAndWhy() throws IOException {
        Incident resolvedBeforeDeclared = new Incident(1, "legacy", "", IncidentSeverity.SEV2,
                IncidentStatus.RESOLVED, false, List.of(), Map.of(), List.of(), List.of(), Map.of(),
                new IncidentTimes(FROM.plusSeconds(600), null, null, FROM.plusSeconds(660), FROM.plusSeconds(60),
                        FROM.plusSeconds(60), null, null), Analysis.EMPTY);
        IncidentMetrics metrics = IncidentMetrics.compute(List.of(resolvedBeforeDeclared), FROM, TO,
                IncidentPolicy.DEFAULT);

        assertThat(render(MetricsReport.report(metrics), ReportFormat.TEXT)).contains("1 incident left out of MTTR: "
                + "mitigated before detected; 1 incident left out of time to resolve: resolved before declared "
                + "(stored times that break the lifecycle rules).");
        assertThat(render(MetricsReport.report(metrics), ReportFormat.JSON)).contains("\"leftOut\" : [ {",
                "\"metric\" : \"MTTR\",", "\"reason\" : \"mitigated before detected\",", "\"incidents\" : 1");
    }

    @Test
    void jsonGivesDurationsInSeconds() throws IOException {
        String json = render(MetricsReport.report(metrics()), ReportFormat.JSON);
        assertThat(json).contains("\"kind\" : \"incident-stats\"").contains("\"drills\" : 1")
                .contains("\"medianSeconds\" : 240.0");
    }
}
