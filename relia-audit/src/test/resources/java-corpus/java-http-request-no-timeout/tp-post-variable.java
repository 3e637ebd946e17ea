import java.net.URI;
import java.net.http.HttpRequest;

class Post {
    HttpRequest request(URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder() // expect: java/http-request-no-timeout
                .uri(uri);
        builder.header("Content-Type", "application/json");
        return builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
