import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

class CatalogClientConfig {
    WebClient catalogClient() {
        HttpClient httpClient = HttpClient.create()
                .responseTimeout(Duration.ofSeconds(3));
        return WebClient.builder()
                .baseUrl("http://catalog.internal")
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }
}
