import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

class SearchHttp {
    CloseableHttpClient client() {
        RequestConfig config = RequestConfig.custom() // expect: java/http-client-no-timeout
                .setConnectTimeout(2_000)
                .setConnectionRequestTimeout(1_000)
                .build();
        return HttpClients.custom().setDefaultRequestConfig(config).setMaxConnTotal(100).build();
    }
}
