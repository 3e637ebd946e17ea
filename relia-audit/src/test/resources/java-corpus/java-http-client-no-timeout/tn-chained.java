import java.net.http.HttpClient;
import java.time.Duration;

class Chained {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();
}
