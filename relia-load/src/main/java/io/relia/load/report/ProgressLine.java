package io.relia.load.report;

import io.relia.load.run.IntervalReport;
import io.relia.load.run.LoadStats;

import java.util.Locale;

/** The one-line live status of a run: elapsed time, rates, corrected p50/p99, errors, connections, backlog. */
public final class ProgressLine {

    private ProgressLine() {
    }

    /** Formats the line for an interval (no line break). */
    public static String format(IntervalReport report) {
        LoadStats s = report.stats();
        double errors = s.requests() == 0 ? 0 : 100.0 * s.errors() / s.requests();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5.0fs%s  %,8.0f req/s", s.endNanos() / 1e9,
                report.warmup() ? " (warm-up)" : "", s.achievedRate()));
        if (s.intended() > 0) {
            line.append(String.format(Locale.ROOT, " (intended %,.0f)", s.intendedRate()));
        }
        line.append(String.format(Locale.ROOT, "  p50 %s  p99 %s  errors %.2f%%  conns %d", LoadReport.ms(
                s.latencyPercentileMillis(50)), LoadReport.ms(s.latencyPercentileMillis(99)), errors,
                report.connections()));
        if (report.backlog() > 0) {
            line.append(String.format(Locale.ROOT, "  backlog %,d", report.backlog()));
        }
        if (!report.failing().isEmpty()) {
            line.append("  FAILING ").append(report.failing().getFirst().threshold().source());
        }
        return line.toString();
    }
}
