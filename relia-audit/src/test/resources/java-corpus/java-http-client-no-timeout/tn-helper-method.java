import java.net.http.HttpClient;
import java.time.Duration;

class Helper {
    HttpClient client() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        withTimeouts(builder);
        return builder.build();
    }

    private static void withTimeouts(HttpClient.Builder builder) {
        builder.connectTimeout(Duration.ofSeconds(2));
    }
}
