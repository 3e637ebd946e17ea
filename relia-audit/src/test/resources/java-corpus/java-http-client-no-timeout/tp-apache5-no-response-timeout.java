import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;

final class Hc5Clients {
    static CloseableHttpClient withPooling() {
        return HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom() // expect: java/http-client-no-timeout
                        .setConnectionRequestTimeout(Timeout.ofSeconds(1))
                        .build())
                .build();
    }
}
