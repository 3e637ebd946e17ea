package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.httpclient.JavaHttpClientTelemetry;
import java.net.http.HttpClient;

/** Wraps the JDK client so that every request carries the current span's traceparent. */
final class Telemetry {
    private Telemetry() {
    }

    static HttpClient traced(OpenTelemetry openTelemetry, HttpClient client) {
        return JavaHttpClientTelemetry.builder(openTelemetry).build().newHttpClient(client);
    }
}
