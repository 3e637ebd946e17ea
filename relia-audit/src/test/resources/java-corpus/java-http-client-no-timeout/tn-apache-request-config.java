import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

class Configured {
    CloseableHttpClient client() {
        RequestConfig config = RequestConfig.custom().setConnectTimeout(2_000).setSocketTimeout(5_000).build();
        return HttpClients.custom().setDefaultRequestConfig(config).build();
    }
}
