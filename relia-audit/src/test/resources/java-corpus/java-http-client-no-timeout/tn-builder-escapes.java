import java.net.http.HttpClient;

class Escapes {
    HttpClient.Builder base() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL);
    }
}
