package io.relia.load.report;

import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import io.relia.load.run.ErrorKind;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadRunner;
import io.relia.load.run.LoadStats;
import io.relia.load.threshold.Threshold;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human-readable view of a load run: verdict, rates, latency side by side, errors, thresholds, charts. */
final class LoadDocument {

    private LoadDocument() {
    }

    static Document build(LoadResult result) {
        LoadStats total = result.total();
        boolean open = LoadRunner.isOpenModel(result.scenario());
        Document.Builder doc = new Document.Builder("Load run: " + result.scenario().name());
        doc.add(new Document.Paragraph(verdict(result), result.passed() && !result.interrupted()
                ? Tone.GOOD : Tone.BAD));
        int threads = result.options().threads();
        doc.paragraph(String.format(Locale.ROOT, "%s, %s model, %d connections, %d thread%s (%s); measured %.1f s "
                        + "after a %.1f s warm-up; started %s.", result.scenario().target(),
                open ? "open" : "closed", result.scenario().connections(), threads, threads == 1 ? "" : "s",
                result.transport(), total.seconds(), result.scenario().warmup().toNanos() / 1e9,
                result.started().truncatedTo(ChronoUnit.SECONDS)));
        doc.heading(1, "Requests");
        List<List<Cell>> rows = new ArrayList<>();
        if (open) {
            rows.add(row("scheduled", requests(total.intended()) + " (" + rate(total.intendedRate()) + ")"));
        }
        rows.add(row("sent", requests(total.sent()) + " (" + rate(total.sendRate()) + ")"));
        if (total.unsent() > 0) {
            rows.add(new ArrayList<>(List.of(Cell.of("not sent"), new Cell(requests(total.unsent())
                    + " (no connection was free or could be opened in time)", Tone.WARN))));
        }
        rows.add(row("finished", requests(total.requests()) + " (" + rate(total.achievedRate())
                + "), answered or failed"));
        if (total.inFlightAtStop() > 0) {
            rows.add(row("in flight at stop", requests(total.inFlightAtStop()) + " (sent; no outcome, the run was "
                    + "stopped)"));
        }
        rows.add(new ArrayList<>(List.of(Cell.of("errors"), new Cell(String.format(Locale.ROOT,
                "%s (%.3f%% of finished)", requests(total.errors()), pct(total.errors(), total.requests())),
                total.errors() > 0 ? Tone.WARN : Tone.GOOD))));
        if (open) {
            rows.add(new ArrayList<>(List.of(Cell.of("late sends"), new Cell(String.format(Locale.ROOT,
                    "%s (%.2f%% of sent; send lag p99 %s, max %s)", requests(total.lateSends()),
                    pct(total.lateSends(), total.sent()), LoadReport.ms(LoadReport.millisAt(total.sendLag(), 99)),
                    LoadReport.ms(LoadReport.millisAt(total.sendLag(), 100))),
                    total.lateSends() > 0 ? Tone.WARN : Tone.PLAIN))));
        }
        doc.add(new Document.Table(List.of("", "value"), rows));
        doc.paragraph("A request belongs to the warm-up or to the measured span by its intended send time, however "
                + "late its answer comes: every measured request is sent or not sent, and finishes once.");
        doc.heading(1, "Latency");
        doc.paragraph(open
                ? "Corrected latency is measured from each request's intended send time (coordinated omission "
                + "corrected); uncorrected from the moment it was actually sent, as closed-loop tools report it."
                : "A closed model has no intended send times: latency is measured from the actual send time only.");
        List<List<Cell>> latency = new ArrayList<>();
        double[] qs = {50, 90, 99, 99.9, 99.99, 100};
        for (double q : qs) {
            latency.add(List.of(Cell.of(q == 100 ? "max" : LoadReport.label(q)),
                    Cell.of(LoadReport.ms(LoadReport.millisAt(total.correctedLatency(), q))),
                    Cell.of(LoadReport.ms(LoadReport.millisAt(total.uncorrectedLatency(), q)))));
        }
        doc.add(new Document.Table(List.of("percentile", "corrected", "uncorrected"), latency));
        if (total.templates() > 1) {
            doc.heading(2, "By request");
            List<List<Cell>> byName = new ArrayList<>();
            for (int i = 0; i < total.templates(); i++) {
                byName.add(List.of(Cell.of(result.scenario().requests().get(i).name()),
                        Cell.of(String.format(Locale.ROOT, "%,d", total.templateRequests(i))),
                        Cell.of(String.format(Locale.ROOT, "%,d", total.templateErrors(i))),
                        Cell.of(LoadReport.ms(LoadReport.millisAt(total.templateLatency(i), 50))),
                        Cell.of(LoadReport.ms(LoadReport.millisAt(total.templateLatency(i), 99)))));
            }
            doc.add(new Document.Table(List.of("request", "finished", "errors", "p50", "p99"), byName));
        }
        statusesAndErrors(total, doc);
        if (!result.verdicts().isEmpty()) {
            doc.heading(1, "Thresholds");
            List<Document.StatusItem> items = new ArrayList<>();
            for (Threshold.Verdict v : result.verdicts()) {
                items.add(new Document.StatusItem(v.pass() ? "PASS" : "FAIL", v.pass() ? Tone.GOOD : Tone.BAD,
                        v.threshold().source(), List.of("observed " + v.observedText())));
            }
            doc.add(new Document.StatusList(List.of("Status", "Threshold", "Observed"), items));
        }
        if (!result.timeline().isEmpty()) {
            doc.heading(1, "Charts");
            doc.add(new Document.Chart(LoadReport.latencyOverTime(result)));
            doc.add(new Document.Chart(LoadReport.throughputOverTime(result)));
            if (total.responses() > 0) {
                doc.add(new Document.Chart(LoadReport.percentileDistribution(total)));
            }
        }
        return doc.build();
    }

    private static void statusesAndErrors(LoadStats total, Document.Builder doc) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int code = 0; code < 600; code++) {
            if (total.status(code) > 0) {
                rows.add(List.of(Cell.of("HTTP " + code), new Cell(String.format(Locale.ROOT, "%,d",
                        total.status(code)), code >= 400 ? Tone.WARN : Tone.PLAIN)));
            }
        }
        for (ErrorKind kind : ErrorKind.values()) {
            if (total.errors(kind) > 0) {
                rows.add(List.of(Cell.of(kind.label()), new Cell(String.format(Locale.ROOT, "%,d",
                        total.errors(kind)), Tone.BAD)));
            }
        }
        if (!rows.isEmpty()) {
            doc.heading(2, "Outcomes");
            doc.add(new Document.Table(List.of("outcome", "count"), rows));
        }
    }

    private static String verdict(LoadResult result) {
        if (result.interrupted()) {
            return "Interrupted: the numbers cover the run up to the interruption.";
        }
        if (result.abortedBy().isPresent()) {
            Threshold.Verdict v = result.abortedBy().get();
            return "Aborted: " + v.threshold().source() + " failed over the sliding window (observed "
                    + v.observedText() + ").";
        }
        if (result.verdicts().isEmpty()) {
            return "Completed (no thresholds set).";
        }
        long failed = result.verdicts().stream().filter(v -> !v.pass()).count();
        return failed == 0 ? "Passed: every threshold held." : "Failed: " + failed + " of "
                + result.verdicts().size() + " thresholds did not hold.";
    }

    private static List<Cell> row(String name, String value) {
        return new ArrayList<>(List.of(Cell.of(name), Cell.of(value)));
    }

    private static String requests(long count) {
        return String.format(Locale.ROOT, "%,d request%s", count, count == 1 ? "" : "s");
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.1f req/s", perSecond);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
