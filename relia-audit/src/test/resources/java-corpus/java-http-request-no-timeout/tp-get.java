import java.net.URI;
import java.net.http.HttpRequest;

class Get {
    HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).GET().build(); // expect: java/http-request-no-timeout
    }
}
