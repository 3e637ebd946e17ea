package shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

final class InventoryClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @CircuitBreaker(name = "inventory")
    String charge(String order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://inventory:8080/stock")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(order)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
