import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

/**
 * Probes a status page through a shared pooled client. The response is read on success but never closed: every
 * non-200 answer (and every exception) keeps its pooled connection until the pool runs dry.
 */
class StatusProbe {
    private final CloseableHttpClient client;

    StatusProbe(CloseableHttpClient client) {
        this.client = client;
    }

    String status(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url)); // expect: java/resource-not-closed
        if (response.getStatusLine().getStatusCode() != 200) {
            return "down";
        }
        return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
    }

    String metrics(String url) throws IOException {
        CloseableHttpResponse reply;
        reply = client.execute(new HttpGet(url)); // expect: java/resource-not-closed
        return reply.getStatusLine().getReasonPhrase();
    }
}
