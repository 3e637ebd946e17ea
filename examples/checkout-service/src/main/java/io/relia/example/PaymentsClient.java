package io.relia.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the payments service to capture a charge, retrying when it fails. */
final class PaymentsClient implements Payments {
    private static final int MAX_ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI paymentsUri;

    /** @param paymentsUrl base URL of the payments service, e.g. {@code http://127.0.0.1:8081} */
    PaymentsClient(URI paymentsUrl) {
        this.paymentsUri = URI.create(paymentsUrl.toString().replaceAll("/+$", "") + "/payments");
    }

    /** Captures {@code charge}; tries up to three times. */
    @Override
    public Payment charge(Charge charge) throws PaymentFailedException {
        HttpRequest request = HttpRequest.newBuilder(paymentsUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.MAPPER.writeValueAsBytes(charge)))
                .build();
        Exception last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Payment.parse(response.body());
                }
                last = new IOException("payments answered " + response.statusCode());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                // try again
            }
        }
        throw new PaymentFailedException("payments failed after " + MAX_ATTEMPTS + " attempts", last);
    }

    /** Abandons calls still in flight; the server has stopped by the time this runs. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
