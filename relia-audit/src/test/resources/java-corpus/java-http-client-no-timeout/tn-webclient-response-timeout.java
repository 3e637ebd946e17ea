import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class RatesClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final WebClient client = WebClient.create("http://rates.internal");

    Mono<Rate> rate(String currency) {
        return client.get()
                .uri("/rates/{currency}", currency)
                .retrieve()
                .bodyToMono(Rate.class)
                .timeout(TIMEOUT);
    }

    record Rate(String currency, double value) {
    }
}
