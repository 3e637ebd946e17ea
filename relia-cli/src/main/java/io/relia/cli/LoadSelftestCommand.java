package io.relia.cli;

import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import io.relia.core.report.Report;
import io.relia.load.report.LoadReport;
import io.relia.load.run.LoadListener;
import io.relia.load.selftest.Selftest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia load selftest}: proves the coordinated-omission correction on this machine. */
@Command(name = "selftest",
        mixinStandardHelpOptions = true,
        description = {"Prove on this machine that the latency correction is right.", "",
            "A built-in server on 127.0.0.1 stops answering for a known PAUSE while Relia sends at a constant RATE",
            "for DURATION. Theory: the corrected q-quantile is PAUSE - (1-q) x DURATION while that is positive",
            "(a 1 s pause in 10 s gives p99 = 0.9 s); the uncorrected one stays near the server's service time.",
            "Passes when every compared percentile is within the tolerance (docs/load.md derives the formula).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the measured percentiles match theory", "  1  they do not (see the table)",
            "  2  usage error"})
final class LoadSelftestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", paramLabel = "REQ/S", defaultValue = "2000",
            description = "Constant arrival rate (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s",
            description = "Measured run length P (default: ${DEFAULT-VALUE}; a 1 s warm-up comes first).")
    private String duration;

    @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "1s",
            description = "The server's pause T, at most half the run (default: ${DEFAULT-VALUE}).")
    private String pause;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "20",
            description = "Connections (default: ${DEFAULT-VALUE}; few, so the uncorrected view sees few stalls).")
    private int connections;

    @Option(names = "--tolerance", paramLabel = "RATIO", defaultValue = "0.05",
            description = "Allowed relative error per percentile (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() throws InterruptedException {
        output.format(spec.commandLine());
        Duration run = LoadTargetOptions.duration("--duration", duration, Duration.ofSeconds(10));
        Duration stop = LoadTargetOptions.duration("--pause", pause, Duration.ofSeconds(1));
        if (!(rate > 0) || connections < 1 || !(tolerance > 0) || run.isZero() || stop.isZero()
                || stop.compareTo(run.dividedBy(2)) > 0) {
            throw LoadTargetOptions.usage("need a positive --rate, --connections and --tolerance, and a --pause of "
                    + "at most half the --duration");
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "selftest: %.0f req/s for %s (+1s warm-up), pause %s ...%n",
                rate, duration, pause);
        spec.commandLine().getErr().flush();
        Selftest.Outcome outcome = Selftest.run(rate, run, stop, connections, tolerance, LoadListener.NONE);
        output.write(report(outcome), spec.commandLine());
        return outcome.pass() ? 0 : 1;
    }

    static Report report(Selftest.Outcome o) {
        double p = o.run().toNanos() / 1e9;
        double t = o.pause().toNanos() / 1e9;
        Document.Builder doc = new Document.Builder("Load generator selftest");
        doc.add(new Document.Paragraph(o.pass() ? "PASS: corrected percentiles match theory; uncorrected ones do "
                + "not see the pause." : "FAIL: see the table.", o.pass() ? Tone.GOOD : Tone.BAD));
        doc.paragraph(String.format(Locale.ROOT, "%,.0f req/s for %.1f s, %d connections, server pause %.2f s: "
                + "corrected q-quantile = T - (1-q)P = %.2f - (1-q) x %.1f s.", o.rate(), p, o.connections(), t, t, p));
        List<List<Cell>> rows = new ArrayList<>();
        for (Selftest.Row r : o.rows()) {
            rows.add(List.of(Cell.of(String.format(Locale.ROOT, "p%s", trim(r.percentile()))),
                    Cell.of(LoadReport.ms(r.expectedMillis())), Cell.of(LoadReport.ms(r.correctedMillis())),
                    new Cell(String.format(Locale.ROOT, "%+.1f%%", r.error() * 100), r.pass() ? Tone.GOOD : Tone.BAD),
                    Cell.of(LoadReport.ms(r.uncorrectedMillis()))));
        }
        doc.add(new Document.Table(List.of("percentile", "theory", "corrected", "error", "uncorrected"), rows));
        doc.paragraph(String.format(Locale.ROOT, "Uncorrected p50 %s, p99 %s (limit: a tenth of the pause); %,d "
                + "requests, %d errors.", LoadReport.ms(o.uncorrectedP50Millis()),
                LoadReport.ms(o.uncorrectedP99Millis()), o.requests(), o.errors()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pass", o.pass());
        data.put("rate", o.rate());
        data.put("seconds", p);
        data.put("pauseSeconds", t);
        data.put("connections", o.connections());
        data.put("tolerance", o.tolerance());
        data.put("rows", o.rows().stream().map(r -> Map.of("percentile", r.percentile(), "theoryMs",
                r.expectedMillis(), "correctedMs", r.correctedMillis(), "error", r.error(), "uncorrectedMs",
                r.uncorrectedMillis(), "pass", r.pass())).toList());
        data.put("uncorrectedP50Ms", o.uncorrectedP50Millis());
        data.put("uncorrectedP99Ms", o.uncorrectedP99Millis());
        data.put("requests", o.requests());
        data.put("errors", o.errors());
        return new Report("load-selftest", 1, data, doc.build());
    }

    private static String trim(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q);
    }
}
