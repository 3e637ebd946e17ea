import java.io.IOException;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.params.BasicHttpParams;
import org.apache.http.params.HttpConnectionParams;
import org.apache.http.params.HttpParams;
import org.apache.http.util.EntityUtils;

/** The legacy client given HttpParams that carry both timeouts: bounded. */
class BoundedStatusClient {
    private final DefaultHttpClient client;

    BoundedStatusClient() {
        HttpParams params = new BasicHttpParams();
        HttpConnectionParams.setConnectionTimeout(params, 2_000);
        HttpConnectionParams.setSoTimeout(params, 10_000);
        client = new DefaultHttpClient(params);
    }

    String status(String url) throws IOException {
        return EntityUtils.toString(client.execute(new HttpGet(url)).getEntity());
    }
}
