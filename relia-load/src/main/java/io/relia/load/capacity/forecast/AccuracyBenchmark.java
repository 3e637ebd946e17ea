package io.relia.load.capacity.forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs {@link Forecaster} through the forecast accuracy protocol ({@code shared/research/forecast-protocol.md}) on
 * every NAB series in a directory and prints one JSON object per series: MASE and sMAPE (percent) over all test hours
 * and outside the anomaly windows, the 95% and 80% intervals' coverage (ratio 0..1, all test hours and outside), the
 * models chosen, the seconds taken (95% run), and
 * the seasonal naive 24-hour MASE as a cross-check of the protocol. Usage: {@code AccuracyBenchmark DATA_DIR
 * [SERIES...]}.
 */
public final class AccuracyBenchmark {

    private static final double LEVEL = 0.95;

    private AccuracyBenchmark() {
    }

    /** Entry point; exits with status 2 on a usage error. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AccuracyBenchmark DATA_DIR [SERIES...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<String> names = new ArrayList<>(List.of(args).subList(1, args.length));
        if (names.isEmpty()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted()
                        .forEach(f -> names.add(f.substring(0, f.length() - 4)));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (String name : names) {
            NabSeries series = NabSeries.read(dir, name);
            long started = System.nanoTime();
            ProtocolRun relia = ProtocolRun.evaluate(series, (h, steps) -> Forecaster.forecast(h, steps, LEVEL));
            double seconds = (System.nanoTime() - started) / 1e9;
            ProtocolRun eighty = ProtocolRun.evaluate(series, (h, steps) -> Forecaster.forecast(h, steps, 0.8));
            ProtocolRun naive = ProtocolRun.seasonalNaive(series);
            Map<String, Integer> chosen = new TreeMap<>();
            relia.models().forEach(m -> chosen.merge(m, 1, Integer::sum));
            ObjectNode row = json.createObjectNode()
                    .put("series", name)
                    .put("hours", series.hourly().size())
                    .put("testDays", relia.testDays())
                    .put("mase", relia.mase())
                    .put("smape", relia.smape())
                    .put("maseOutside", relia.maseOut())
                    .put("smapeOutside", relia.smapeOut())
                    .put("coverage95", relia.coverage())
                    .put("coverage95Outside", relia.coverageOut())
                    .put("coverage80", eighty.coverage())
                    .put("coverage80Outside", eighty.coverageOut())
                    .put("seconds", seconds)
                    .put("snaive24Mase", naive.mase())
                    .put("snaive24Smape", naive.smape());
            row.putPOJO("chosen", chosen);
            row.putPOJO("models", relia.models());
            System.out.println(json.writeValueAsString(row));
        }
    }
}
