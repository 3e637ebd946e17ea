package shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.failsafe.CircuitBreaker;

final class CheckoutBackend {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CircuitBreaker<Object> breaker = CircuitBreaker.builder().withFailureThreshold(5)
            .withDelay(Duration.ofSeconds(10)).build();

    String charge(String order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://payments:8081/payments")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(order)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
