import org.apache.http.config.SocketConfig;
import org.apache.http.conn.HttpClientConnectionManager;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Timeouts that come with the connection manager: one configured here with a socket timeout, and one handed in by
 * the caller, which may carry its own.
 */
class ManagedClients {
    private final PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();

    ManagedClients() {
        pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(5_000).build());
    }

    CloseableHttpClient shared() {
        return HttpClients.custom().setConnectionManager(pool).build();
    }
}

class InjectedClients {
    CloseableHttpClient client(HttpClientConnectionManager manager) {
        return HttpClients.custom().setConnectionManager(manager).build();
    }
}
