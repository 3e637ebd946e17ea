import java.net.http.HttpRequest;

class Copy {
    HttpRequest copy(HttpRequest original) {
        return HttpRequest.newBuilder(original, (name, value) -> true).build();
    }
}
