import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/** A reachability check: connect() only opens the TCP connection and nothing is read, so no read timeout applies. */
class Reachability {
    boolean reachable(String address) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(address).openConnection();
            connection.setConnectTimeout(3_000);
            connection.connect();
            connection.disconnect();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
