import java.net.URI;
import java.net.http.HttpRequest;

class Health {
    private static final HttpRequest PING = HttpRequest.newBuilder( // expect: java/http-request-no-timeout
            URI.create("http://127.0.0.1:8080/health")).build();
}
