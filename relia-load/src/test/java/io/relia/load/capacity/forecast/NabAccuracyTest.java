package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forecast accuracy protocol ({@code shared/research/forecast-protocol.md}) on the NAB series, read in place from
 * {@code ../shared/data/nab} beside the repository; skipped when that is absent. Bounds are the best baseline's MASE
 * from the protocol's table, times a tolerance where Relia does not yet beat it (see bench/forecast-accuracy.sh).
 */
class NabAccuracyTest {

    private static final Path DATA = Path.of("../../shared/data/nab");

    @ParameterizedTest(name = "{0}: MASE <= {1} x {2}")
    @CsvSource({
        "nyc_taxi, 0.831, 1.0",
        "elb_request_count_8c0756, 0.817, 1.05",
        "ec2_cpu_utilization_825cc2, 0.520, 1.02",
        "ec2_network_in_257a54, 0.0425, 1.0",
        "rds_cpu_utilization_cc0c53, 5.306, 1.0",
        "Twitter_volume_AMZN, 0.863, 1.0",
    })
    void staysAtOrBelowTheBestBaseline(String series, double bestBaseline, double tolerance) {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "NAB data not found at " + DATA.toAbsolutePath());

        ProtocolRun run = ProtocolRun.evaluate(NabSeries.read(DATA, series),
                (history, horizon) -> Forecaster.forecast(history, horizon, 0.95));

        assertThat(run.mase()).isLessThanOrEqualTo(bestBaseline * tolerance);
    }
}
