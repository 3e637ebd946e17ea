import com.example.http.HttpClient;

class NotTheJdk {
    private final HttpClient http = HttpClient.newHttpClient();
}
