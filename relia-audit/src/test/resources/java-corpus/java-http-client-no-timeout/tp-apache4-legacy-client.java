import java.io.IOException;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.PoolingClientConnectionManager;
import org.apache.http.util.EntityUtils;

/** HttpClient 4's deprecated DefaultHttpClient: nothing bounds its connect or its reads. */
class StatusClient {
    private final DefaultHttpClient client;
    private final DefaultHttpClient pooled;

    StatusClient(PoolingClientConnectionManager connections) {
        client = new DefaultHttpClient(); // expect: java/http-client-no-timeout
        pooled = new DefaultHttpClient(connections); // expect: java/http-client-no-timeout
    }

    String status(String url) throws IOException {
        HttpResponse response = client.execute(new HttpGet(url));
        return EntityUtils.toString(response.getEntity());
    }

    String pooledStatus(String url) throws IOException {
        return EntityUtils.toString(pooled.execute(new HttpGet(url)).getEntity());
    }
}
