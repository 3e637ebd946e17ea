import java.net.URI;
import java.net.http.HttpRequest;

class Base {
    HttpRequest.Builder base(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "application/json");
    }
}
