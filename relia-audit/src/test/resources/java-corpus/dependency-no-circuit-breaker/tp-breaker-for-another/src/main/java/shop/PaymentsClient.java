package shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

final class PaymentsClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    String charge(String order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://payments:8081/payments")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(order)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
