import java.io.IOException;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.params.CoreConnectionPNames;
import org.apache.http.util.EntityUtils;

/** Made without params, but the timeouts are set on the client's own params right after: bounded. */
class LateBoundClient {
    private final DefaultHttpClient client = new DefaultHttpClient();

    LateBoundClient() {
        client.getParams().setIntParameter(CoreConnectionPNames.CONNECTION_TIMEOUT, 2_000);
        client.getParams().setIntParameter(CoreConnectionPNames.SO_TIMEOUT, 10_000);
    }

    String status(String url) throws IOException {
        return EntityUtils.toString(client.execute(new HttpGet(url)).getEntity());
    }
}
