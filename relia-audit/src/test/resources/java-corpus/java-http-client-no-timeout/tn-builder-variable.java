import java.net.http.HttpClient;
import java.time.Duration;

class Variable {
    HttpClient client() {
        var builder = HttpClient.newBuilder();
        builder.connectTimeout(Duration.ofSeconds(2));
        return builder.build();
    }
}
