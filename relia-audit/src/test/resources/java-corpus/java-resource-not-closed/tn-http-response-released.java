import java.io.IOException;

import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.utils.HttpClientUtils;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

/**
 * Responses given back to the pool every way HttpClient 4 allows: closed in a finally block, the entity consumed
 * (directly or through a local) or read to its end on the only path, try-with-resources, and a quiet close helper.
 */
class ReleasingCalls {
    private final CloseableHttpClient client;

    ReleasingCalls(CloseableHttpClient client) {
        this.client = client;
    }

    int closedInFinally(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url));
        try {
            return response.getStatusLine().getStatusCode();
        } finally {
            response.close();
        }
    }

    int consumed(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url));
        int status = response.getStatusLine().getStatusCode();
        EntityUtils.consume(response.getEntity());
        return status;
    }

    int consumedThroughLocal(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url));
        HttpEntity entity = response.getEntity();
        EntityUtils.consumeQuietly(entity);
        return response.getStatusLine().getStatusCode();
    }

    String readToTheEnd(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url));
        return EntityUtils.toString(response.getEntity());
    }

    int withResources(String url) throws IOException {
        try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
            return response.getStatusLine().getStatusCode();
        }
    }

    int quietly(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url));
        int status = response.getStatusLine().getStatusCode();
        HttpClientUtils.closeQuietly(response);
        return status;
    }
}
