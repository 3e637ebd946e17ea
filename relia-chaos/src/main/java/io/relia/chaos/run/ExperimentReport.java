package io.relia.chaos.run;

import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's journal as a report for people (Markdown, HTML, text) and machines (JSON: the journal itself): the
 * verdict, the activities, and a timeline of p99 latency and error rate with the fault windows marked.
 */
public final class ExperimentReport {

    /** Version of the JSON shape written as {@code schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;

    private ExperimentReport() {
    }

    /** Builds the report of a journal. */
    public static Report of(Journal journal) {
        Document.Builder document = new Document.Builder("Chaos experiment: " + journal.title());
        document.add(new Document.Paragraph(verdict(journal), tone(journal)));
        if (!journal.abortReason().isEmpty()) {
            document.add(new Document.Paragraph("Reason: " + journal.abortReason()));
        }
        document.paragraph("Started " + journal.start().truncatedTo(ChronoUnit.SECONDS) + ", ran "
                + Plan.seconds(journal.duration()) + " s.");
        steadyStates(journal, document);
        document.heading(1, "Method");
        document.add(table(journal.run()));
        document.heading(1, "Rollbacks");
        document.add(table(journal.rollbacks()));
        if (!journal.undone().isEmpty()) {
            document.heading(2, "Undone by the safety net");
            document.add(new Document.BulletList(journal.undone()));
        }
        if (!journal.samples().isEmpty()) {
            document.heading(1, "Timeline");
            document.add(new Document.Chart(chart(journal, "p99 latency", ChartData.ValueAxis.amount("p99 latency",
                    "ms"), Journal.Sample::p99Ms)));
            document.add(new Document.Chart(chart(journal, "Error rate", ChartData.ValueAxis.percent("error rate"),
                    sample -> sample.errorRate() * 100)));
            document.add(new Document.Chart(chart(journal, "Throughput", ChartData.ValueAxis.amount("finished",
                    "req/s"), Journal.Sample::throughput)));
        }
        return new Report("chaos-run", SCHEMA_VERSION, JournalWriter.toMap(journal), document.build());
    }

    /** Writes the report in one format. */
    public static void write(Journal journal, ReportFormat format, Writer out) throws IOException {
        ReportWriter.forFormat(format, false).write(of(journal), out);
    }

    /**
     * One activity's outcome for people: a probe's measurement with its unit and basis, or why it could not run
     * ("p99_latency < 500ms: measured 31.2 ms (80 requests in the last 4s, none failed)").
     */
    public static String outcome(Journal.ActivityRun run) {
        return Checks.outcome(run);
    }

    static String verdict(Journal journal) {
        return switch (journal.status()) {
            case COMPLETED -> journal.deviated()
                    ? "Deviated: the steady state did not hold during or after the fault."
                    : journal.before().filter(before -> !before.met()).isPresent()
                    ? "Not run: the steady state did not hold before the method."
                    : "Passed: the steady state held.";
            case FAILED -> "Failed: an action or probe could not run.";
            case ABORTED -> "Aborted: the run was stopped early and rolled back.";
            case INTERRUPTED -> "Interrupted: the run was stopped and rolled back.";
        };
    }

    private static Document.Tone tone(Journal journal) {
        return journal.status() == Journal.Status.COMPLETED && !journal.deviated()
                && journal.before().map(Journal.SteadyState::met).orElse(true)
                ? Document.Tone.GOOD : Document.Tone.BAD;
    }

    private static void steadyStates(Journal journal, Document.Builder document) {
        List<Journal.SteadyState> states = new ArrayList<>();
        journal.before().ifPresent(states::add);
        states.addAll(journal.during());
        journal.after().ifPresent(states::add);
        if (states.isEmpty()) {
            return;
        }
        document.heading(1, "Steady state");
        List<Document.StatusItem> items = new ArrayList<>();
        for (Journal.SteadyState state : states) {
            List<String> details = state.probes().stream().map(probe -> (probe.toleranceMet().orElse(true)
                    && probe.succeeded() ? "met: " : "NOT met: ") + Checks.outcome(probe)).toList();
            items.add(new Document.StatusItem(state.met() ? "met" : "not met", state.met() ? Document.Tone.GOOD
                    : Document.Tone.BAD, state.phase(), details));
        }
        document.add(new Document.StatusList(List.of("Result", "Phase", "Probes"), items));
    }

    private static Document.Table table(List<Journal.ActivityRun> runs) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (Journal.ActivityRun run : runs) {
            rows.add(List.of(Document.Cell.of(run.kind()), Document.Cell.of(run.name()),
                    new Document.Cell(run.succeeded() ? "succeeded" : "failed", run.succeeded() ? Document.Tone.GOOD
                            : Document.Tone.BAD),
                    Document.Cell.of(Plan.seconds(run.duration())),
                    Document.Cell.of(run.succeeded() ? run.detail().orElseGet(() -> Outputs.brief(run.output()))
                            : firstLine(run.exception().orElse("")))));
        }
        return new Document.Table(List.of("Type", "Activity", "Status", "Seconds", "Output"), rows);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * One measure over the run, seconds since its start on the x axis, each fault window a labelled shaded band. A
     * sample without a value (nothing finished in its window) is a gap, not a zero.
     */
    static ChartData chart(Journal journal, String title, ChartData.ValueAxis axis,
                           java.util.function.ToDoubleFunction<Journal.Sample> value) {
        List<Double> seconds = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Journal.Sample sample : journal.samples()) {
            seconds.add(sinceStart(journal, sample.at()));
            double v = value.applyAsDouble(sample);
            values.add(Double.isFinite(v) ? v : Double.NaN);
        }
        ChartData.Builder chart = ChartData.builder(title + " during the run", ChartData.Kind.LINE,
                ChartData.Domain.elapsed(seconds), axis).series(axis.title(), values, "#1565c0");
        for (Journal.Window window : journal.faultWindows()) {
            chart.band(sinceStart(journal, window.start()), sinceStart(journal, window.end()),
                    "fault: " + window.name());
        }
        return chart.build();
    }

    private static double sinceStart(Journal journal, Instant at) {
        return Duration.between(journal.start(), at).toMillis() / 1000.0;
    }
}
