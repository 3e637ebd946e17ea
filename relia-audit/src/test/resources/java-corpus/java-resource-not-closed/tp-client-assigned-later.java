import java.io.IOException;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;

class ArchiveDownloader {
    private static final RequestConfig TIMEOUTS = RequestConfig.custom().setConnectTimeout(2_000)
            .setSocketTimeout(5_000).build();

    // a pooled client built for every download and dropped: its connection pool is never shut down
    int fetch(String link, boolean pooled) throws IOException {
        CloseableHttpClient client = null;
        if (pooled) {
            client = HttpClientBuilder.create().setDefaultRequestConfig(TIMEOUTS).setMaxConnTotal(20).build(); // expect: java/resource-not-closed
        } else {
            client = HttpClientBuilder.create().setDefaultRequestConfig(TIMEOUTS).build(); // expect: java/resource-not-closed
        }
        HttpResponse response = client.execute(new HttpGet(link));
        return response.getStatusLine().getStatusCode();
    }
}
