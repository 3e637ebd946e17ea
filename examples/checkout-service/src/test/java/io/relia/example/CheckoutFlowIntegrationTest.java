package io.relia.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Both services in-process on free ports of 127.0.0.1, called over real HTTP. */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckoutFlowIntegrationTest {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final String ORDER = "{\"order\":\"o-1\",\"amount_cents\":1299}";
    private static final Map<String, String> CHECKOUT_POST = Map.of(
            "service", "checkout", "route", "/checkout", "method", "POST");
    private static final Map<String, String> PAYMENTS_POST = Map.of(
            "service", "payments", "route", "/payments", "method", "POST");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void checkoutAnswers200WithThePaymentWhenPaymentsCaptures() throws Exception {
        try (HttpService payments = startPayments(0.0); HttpService checkout = startCheckout(payments.baseUri())) {
            HttpResponse<String> response = post(checkout, "/checkout", ORDER);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = JsonHttp.MAPPER.readTree(response.body());
            assertThat(body.path("order").asString()).isEqualTo("o-1");
            assertThat(body.path("status").asString()).isEqualTo("paid");
            assertThat(body.path("payment_id").asString()).isEqualTo("pay-000001");
            assertThat(body.path("amount_cents").asLong()).isEqualTo(1299);
        }
    }

    @Test
    void paymentsAnswersCapturedWithThePayment() throws Exception {
        try (HttpService payments = startPayments(0.0)) {
            HttpResponse<String> response = post(payments, "/payments", ORDER);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JsonHttp.MAPPER.readTree(response.body());
            assertThat(body.path("status").asString()).isEqualTo("captured");
            assertThat(body.path("order").asString()).isEqualTo("o-1");
            assertThat(body.path("amount_cents").asLong()).isEqualTo(1299);
        }
    }

    @Test
    void checkoutAnswers502AfterThreeAttemptsWhenPaymentsAlwaysFails() throws Exception {
        try (HttpService payments = startPayments(1.0); HttpService checkout = startCheckout(payments.baseUri())) {
            HttpResponse<String> response = post(checkout, "/checkout", ORDER);

            assertThat(response.statusCode()).isEqualTo(502);
            JsonNode body = JsonHttp.MAPPER.readTree(response.body());
            assertThat(body.path("status").asString()).isEqualTo("payment_failed");
            assertThat(body.path("error").asString()).contains("3 attempts");
            assertThat(scrape(payments).value("http_requests_total", with(PAYMENTS_POST, "status", "503")))
                    .hasValue(3.0);
        }
    }

    @Test
    void checkoutAnswers502WhenPaymentsIsUnreachable() throws Exception {
        URI gone;
        try (HttpService payments = startPayments(0.0)) {
            gone = payments.baseUri();
        }
        try (HttpService checkout = startCheckout(gone)) {
            assertThat(post(checkout, "/checkout", ORDER).statusCode()).isEqualTo(502);
        }
    }

    @Test
    void checkoutRejectsAnOrderWithoutAmountWith400() throws Exception {
        try (HttpService payments = startPayments(0.0); HttpService checkout = startCheckout(payments.baseUri())) {
            HttpResponse<String> response = post(checkout, "/checkout", "{\"order\":\"o-1\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JsonHttp.MAPPER.readTree(response.body()).path("error").asString()).isNotBlank();
        }
    }

    @Test
    void bothServicesAnswerHealthWith200() throws Exception {
        try (HttpService payments = startPayments(0.0); HttpService checkout = startCheckout(payments.baseUri())) {
            assertThat(get(payments, "/health").statusCode()).isEqualTo(200);
            assertThat(get(checkout, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsCountRequestsByRouteAndStatusAndTimeThemInClassicBuckets() throws Exception {
        try (HttpService payments = startPayments(0.0); HttpService checkout = startCheckout(payments.baseUri())) {
            assertThat(post(checkout, "/checkout", ORDER).statusCode()).isEqualTo(200);
            assertThat(get(checkout, "/nowhere").statusCode()).isEqualTo(404);

            String checkoutText = get(checkout, "/metrics").body();
            MetricsText checkoutMetrics = MetricsText.parse(checkoutText);
            MetricsText paymentsMetrics = scrape(payments);

            assertThat(checkoutText).contains("# TYPE http_requests_total counter",
                    "# TYPE http_request_duration_seconds histogram");
            assertThat(checkoutMetrics.value("http_requests_total", with(CHECKOUT_POST, "status", "200")))
                    .hasValue(1.0);
            assertThat(checkoutMetrics.value("http_requests_total",
                    Map.of("route", "unmatched", "method", "GET", "status", "404"))).hasValue(1.0);
            assertThat(paymentsMetrics.value("http_requests_total", with(PAYMENTS_POST, "status", "200")))
                    .hasValue(1.0);
            for (String le : new String[] {"0.1", "0.25", "0.5", "1.0", "+Inf"}) {
                assertThat(checkoutMetrics.value("http_request_duration_seconds_bucket", with(CHECKOUT_POST, "le", le)))
                        .as("checkout bucket le=%s", le).isPresent();
                assertThat(paymentsMetrics.value("http_request_duration_seconds_bucket", with(PAYMENTS_POST, "le", le)))
                        .as("payments bucket le=%s", le).isPresent();
            }
            assertThat(checkoutMetrics.value("http_request_duration_seconds_count", CHECKOUT_POST)).hasValue(1.0);
        }
    }

    @Test
    void closingAServiceStopsItsServer() throws Exception {
        HttpService payments = startPayments(0.0);
        payments.close();

        assertThatThrownBy(() -> get(payments, "/health")).isInstanceOf(IOException.class);
    }

    private static HttpService startPayments(double failureRate) throws IOException {
        Options options = Options.defaults(Options.Service.PAYMENTS);
        return PaymentsService.start(new Options(options.service(), "127.0.0.1", 0, options.paymentsUrl(),
                failureRate, Duration.ZERO, OptionalLong.of(1), java.util.Optional.empty()));
    }

    private static HttpService startCheckout(URI paymentsUrl) throws IOException {
        Options options = Options.defaults(Options.Service.CHECKOUT);
        return CheckoutService.start(new Options(options.service(), "127.0.0.1", 0, paymentsUrl, 0.0,
                Duration.ZERO, OptionalLong.empty(), java.util.Optional.empty()));
    }

    private HttpResponse<String> post(HttpService service, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(service.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(HttpService service, String path) throws Exception {
        return send(HttpRequest.newBuilder(service.baseUri().resolve(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private MetricsText scrape(HttpService service) throws Exception {
        HttpResponse<String> response = get(service, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return MetricsText.parse(response.body());
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
