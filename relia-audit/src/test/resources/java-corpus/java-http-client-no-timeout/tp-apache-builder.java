import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;

class LegacyBuilder {
    CloseableHttpClient client() {
        return HttpClientBuilder.create().setMaxConnTotal(50).build(); // expect: java/http-client-no-timeout
    }
}
