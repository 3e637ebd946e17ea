import java.net.URI;
import java.net.http.*;

class Wildcard {
    HttpRequest request(URI uri) {
        return HttpRequest.newBuilder().uri(uri).DELETE().build(); // expect: java/http-request-no-timeout
    }
}
