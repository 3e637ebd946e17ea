package io.relia.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The payments client as the audit recommends it (checkout's resilient profile): a connect and a request timeout
 * on every call, at most three attempts for fast failures (503, refused or reset connections) with exponential
 * backoff and full jitter, no retry after a timeout (a hung payments is not helped by waiting longer), and the
 * order id as idempotency key so a retried capture cannot charge twice.
 */
final class TimedPaymentsClient implements Payments {
    private static final int MAX_ATTEMPTS = 3;
    private static final long BASE_BACKOFF_MILLIS = 25;

    private final HttpClient http;
    private final URI paymentsUri;
    private final Duration timeout;

    TimedPaymentsClient(URI paymentsUrl, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.paymentsUri = URI.create(paymentsUrl.toString().replaceAll("/+$", "") + "/payments");
        this.timeout = timeout;
    }

    @Override
    public Payment charge(Charge charge) throws PaymentFailedException {
        HttpRequest request = HttpRequest.newBuilder(paymentsUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", charge.order())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.MAPPER.writeValueAsBytes(charge)))
                .build();
        Exception last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Payment.parse(response.body());
                }
                if (response.statusCode() != 503) {
                    throw new PaymentFailedException("payments answered " + response.statusCode(), null);
                }
                last = new IOException("payments answered 503");
            } catch (HttpTimeoutException e) {
                throw new PaymentTimeoutException("payments did not answer within " + timeout.toMillis() + " ms", e);
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaymentFailedException("interrupted while calling payments", e);
            }
        }
        throw new PaymentFailedException("payments failed after " + MAX_ATTEMPTS + " attempts", last);
    }

    private static void backOff(int attempt) throws PaymentFailedException {
        long ceiling = BASE_BACKOFF_MILLIS << attempt;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentFailedException("interrupted while backing off", e);
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
