import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;

class AuditHttp {
    private static final Timeout RESPONSE = Timeout.ofSeconds(10);

    CloseableHttpClient client() {
        RequestConfig.Builder builder = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofSeconds(2));
        builder.setResponseTimeout(RESPONSE);
        return HttpClients.custom().setDefaultRequestConfig(builder.build()).build();
    }

    RequestConfig base() {
        // the helper below adds the response timeout before building
        return tune(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(1)));
    }

    private RequestConfig tune(RequestConfig.Builder builder) {
        return builder.setResponseTimeout(Timeout.ofSeconds(4)).build();
    }
}
