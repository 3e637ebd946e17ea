import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.IOUtils;

class CompressedReply {
    // the bare connection stream would go back to the keep-alive cache once read, but the inflater over it holds
    // native memory until close() and nothing closes it
    String body(HttpURLConnection conn) throws IOException {
        InputStream in = conn.getInputStream();
        if ("gzip".equals(conn.getContentEncoding())) {
            in = new GZIPInputStream(in); // expect: java/resource-not-closed
        }
        return IOUtils.toString(in, StandardCharsets.UTF_8);
    }
}
