import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

class Legacy {
    private final CloseableHttpClient client = HttpClients.createDefault(); // expect: java/http-client-no-timeout
}
