import java.util.concurrent.TimeUnit;

import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * A pooled client: the pool is sized, but neither the pool nor the client carries a timeout, so a stalled
 * webhook receiver holds a pooled connection and its caller forever.
 */
class WebhookClients {
    private PoolingHttpClientConnectionManager pool;

    CloseableHttpClient client(int connections) {
        if (pool == null) {
            pool = new PoolingHttpClientConnectionManager();
            pool.setMaxTotal(connections);
            pool.setDefaultMaxPerRoute(connections);
        }
        return HttpClients.custom() // expect: java/http-client-no-timeout
                .setConnectionManager(pool)
                .evictIdleConnections(30, TimeUnit.SECONDS)
                .build();
    }
}
