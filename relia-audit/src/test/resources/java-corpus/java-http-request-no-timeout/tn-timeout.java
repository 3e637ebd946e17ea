import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

class Timed {
    HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    }
}
