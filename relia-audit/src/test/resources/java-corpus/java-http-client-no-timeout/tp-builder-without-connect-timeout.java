import java.net.http.HttpClient;
import java.time.Duration;

class Inventory {
    HttpClient client() {
        return HttpClient.newBuilder() // expect: java/http-client-no-timeout
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }
}
