package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The forecaster on the synthetic series it was frozen on: guard rails that must hold whatever the backtest says. */
class SyntheticForecastTest {

    /**
     * Writes the synthetic set as NAB CSVs (with an empty {@code combined_windows.json}) into the directory named by
     * {@code -Drelia.syntheticDir=DIR}, for {@code bench/forecast-accuracy.sh DIR}; skipped without it.
     */
    @Test
    void writesTheSetForTheBenchmark() throws IOException {
        String dir = System.getProperty("relia.syntheticDir");
        Assumptions.assumeTrue(dir != null, "set -Drelia.syntheticDir=DIR to write the synthetic series");
        Path out = Files.createDirectories(Path.of(dir));
        Files.writeString(out.resolve("combined_windows.json"), "{}\n", StandardCharsets.UTF_8);
        for (SyntheticSeries series : SyntheticSeries.all()) {
            Files.writeString(out.resolve(series.name() + ".csv"), series.csv(), StandardCharsets.UTF_8);
        }
        assertThat(out.resolve("growth.csv")).exists();
    }
}
