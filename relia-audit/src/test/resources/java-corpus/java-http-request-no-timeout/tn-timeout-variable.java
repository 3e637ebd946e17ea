import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

class TimedVariable {
    HttpRequest request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        builder = builder.timeout(Duration.ofSeconds(5));
        return builder.GET().build();
    }
}
