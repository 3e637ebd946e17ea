import java.net.http.HttpClient;

class Payments {
    private final HttpClient http = HttpClient.newHttpClient(); // expect: java/http-client-no-timeout
}
