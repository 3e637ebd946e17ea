import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

class TimedHelper {
    HttpRequest request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        bounded(builder);
        return builder.build();
    }

    private static void bounded(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(5));
    }
}
