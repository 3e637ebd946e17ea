package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.load.capacity.forecast.Resample;
import io.relia.load.capacity.forecast.TimeSeries;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a usage history from Prometheus for capacity planning: one {@code query_range} over {@code range} at
 * {@code step} (chunked by the client), several returned series summed into one (with a warning), gaps filled.
 */
final class PrometheusHistory {

    private PrometheusHistory() {
    }

    /** Fetches {@code query}; an unreachable server is an {@link ExternalFailure}, a bad query an input error. */
    static TimeSeries fetch(String url, String query, Duration range, Duration step, Instant now,
                            Consumer<String> warn) {
        Instant end = Instant.ofEpochMilli(now.toEpochMilli() / step.toMillis() * step.toMillis());
        TimeGrid grid = new TimeGrid(end.minus(range), end, step);
        try (PrometheusClient client = PrometheusClient.builder(uri(url)).requestTimeout(Duration.ofSeconds(60))
                .build()) {
            List<io.relia.slo.query.TimeSeries> series = client.queryRange(query, grid);
            client.warnings().forEach(warning -> warn.accept("Prometheus: " + warning));
            return toHistory(query, series, grid, warn);
        } catch (QueryException failed) {
            if (failed.isUserError()) {
                throw new InputException(Problem.error(new Location("--query", 0, 0), "Prometheus rejected the "
                        + "query: " + failed.getMessage(), "PromQL giving one usage series", ""));
            }
            throw new ExternalFailure(failed.getMessage(), failed);
        }
    }

    /** Sums the series per grid time (NaN where none has a value) and puts the result on a gap-free grid. */
    static TimeSeries toHistory(String query, List<io.relia.slo.query.TimeSeries> series, TimeGrid grid,
                                Consumer<String> warn) {
        if (series.isEmpty()) {
            throw new InputException(Problem.error(new Location("--query", 0, 0), "the query returned no series "
                    + "over the range: " + query, "a query with data in the range", "try it in the Prometheus UI"));
        }
        if (series.size() > 1) {
            warn.accept("the query returned " + series.size() + " series; their sum is forecast (wrap the query "
                    + "in sum(...) to say so, or select one series)");
        }
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            double sum = Double.NaN;
            for (io.relia.slo.query.TimeSeries one : series) {
                double value = one.valueAt(i);
                if (!Double.isNaN(value)) {
                    sum = Double.isNaN(sum) ? value : sum + value;
                }
            }
            times.add(grid.at(i));
            values.add(sum);
        }
        long present = values.stream().filter(value -> !value.isNaN()).count();
        if (present < 2) {
            throw new InputException(Problem.error(new Location("--query", 0, 0), "the query has fewer than two "
                    + "values over the range", "a usage history", ""));
        }
        return Resample.toGrid(times, values.stream().mapToDouble(Double::doubleValue).toArray(), grid.step());
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())
                    || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException bad) {
            throw new InputException(Problem.error(new Location("--prometheus", 0, 0), url + " is not an http(s) "
                    + "URL", "e.g. http://127.0.0.1:9090", ""));
        }
    }
}
