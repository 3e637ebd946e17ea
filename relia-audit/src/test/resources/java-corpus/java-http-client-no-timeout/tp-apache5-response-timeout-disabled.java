import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;

class ExportHttp {
    CloseableHttpClient client() {
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofSeconds(2))
                .setResponseTimeout(Timeout.DISABLED) // expect: java/http-client-no-timeout
                .build();
        return HttpClients.custom().setDefaultRequestConfig(config).build();
    }
}
