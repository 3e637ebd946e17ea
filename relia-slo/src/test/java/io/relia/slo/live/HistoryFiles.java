package io.relia.slo.live;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link SyntheticHistory} as OpenMetrics or CSV, streaming line by line so that histories of many services
 * over months (millions of samples) never become one string in memory; and the command line that writes them.
 */
final class HistoryFiles {

    static final String USAGE = "usage: SyntheticHistory OUTPUT [--csv] [--days N] [--services N]";

    private HistoryFiles() {
    }

    /** One {@code http_requests} family: per history its status 200 then 500 series, each in time order. */
    static void writeOpenMetrics(List<SyntheticHistory> histories, Writer out) throws IOException {
        out.write("# HELP http_requests Requests handled, by service and status.\n");
        out.write("# TYPE http_requests counter\n");
        for (SyntheticHistory history : histories) {
            for (boolean errors : new boolean[] {false, true}) {
                String series = SyntheticHistory.METRIC + "{service=\"" + history.service() + "\",status=\""
                        + (errors ? "500" : "200") + "\"} ";
                long startSecond = history.start().getEpochSecond();
                for (int i = 0; i < history.samples(); i++) {
                    long value = errors ? history.errorsCounter(i)
                            : history.requestsCounter(i) - history.errorsCounter(i);
                    out.write(series);
                    out.write(Long.toString(value));
                    out.write(' ');
                    out.write(Long.toString(startSecond + i * SyntheticHistory.STEP.toSeconds()));
                    out.write('\n');
                }
            }
        }
        out.write("# EOF\n");
    }

    static void writeOpenMetrics(List<SyntheticHistory> histories, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeOpenMetrics(histories, out);
        }
    }

    /**
     * {@code timestamp,good,total} for one history; for several, {@code timestamp,slo,good,total} with the service
     * as {@code slo}, in time order. Timestamps in unix seconds, counters cumulative with their resets.
     */
    static void writeCsv(List<SyntheticHistory> histories, Path file) throws IOException {
        boolean named = histories.size() > 1;
        int samples = histories.stream().mapToInt(SyntheticHistory::samples).max().orElse(0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(named ? "timestamp,slo,good,total\n" : "timestamp,good,total\n");
            for (int i = 0; i < samples; i++) {
                for (SyntheticHistory history : histories) {
                    if (i >= history.samples()) {
                        continue;
                    }
                    long total = history.requestsCounter(i);
                    out.write(Long.toString(history.timeOf(i).getEpochSecond()));
                    out.write(',');
                    if (named) {
                        out.write(history.service());
                        out.write(',');
                    }
                    out.write(Long.toString(total - history.errorsCounter(i)));
                    out.write(',');
                    out.write(Long.toString(total));
                    out.write('\n');
                }
            }
        }
    }

    /** The histories the command line asks for: the standard one, or one per service with shifted incidents. */
    static List<SyntheticHistory> histories(int days, int services) {
        SyntheticHistory base = SyntheticHistory.standardBuilder().days(days).build();
        if (services == 1) {
            return List.of(base);
        }
        List<SyntheticHistory> histories = new ArrayList<>();
        for (int k = 0; k < services; k++) {
            histories.add(base.shifted("shop-" + k, Duration.ofHours(k)));
        }
        return histories;
    }

    static void main(String[] args) throws IOException {
        Path output = null;
        boolean csv = false;
        int days = 30;
        int services = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--csv" -> csv = true;
                    case "--days" -> days = positive("--days", args, ++i, 3650);
                    case "--services" -> services = positive("--services", args, ++i, 10_000);
                    default -> {
                        if (args[i].startsWith("-") || output != null) {
                            throw new IllegalArgumentException("unexpected argument: " + args[i]);
                        }
                        output = Path.of(args[i]);
                    }
                }
            }
            if (output == null) {
                throw new IllegalArgumentException("missing OUTPUT file");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        List<SyntheticHistory> histories = histories(days, services);
        if (csv) {
            writeCsv(histories, output);
        } else {
            writeOpenMetrics(histories, output);
        }
        System.out.println("wrote " + services + " service(s) x " + days + " days (" + histories.get(0).samples()
                + " samples per series) to " + output);
    }

    private static int positive(String flag, String[] args, int index, int max) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(flag + " must be 1.." + max + ": " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number: " + args[index], e);
        }
    }
}
