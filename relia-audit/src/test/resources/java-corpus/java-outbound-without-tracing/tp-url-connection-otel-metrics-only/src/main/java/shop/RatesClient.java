package shop;

import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** OpenTelemetry is used for a metric only; the call itself carries no trace context. */
final class RatesClient {
    private final LongCounter calls;

    RatesClient(Meter meter) {
        this.calls = meter.counterBuilder("rates.calls").build();
    }

    byte[] rates() throws IOException {
        calls.add(1);
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://rates/today").toURL() // expect: java/outbound-without-tracing
                .openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
