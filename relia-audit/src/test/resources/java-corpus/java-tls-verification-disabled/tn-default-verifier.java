package shop;

import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

final class StrictSockets {
    static SSLConnectionSocketFactory factory(SSLContext tls) {
        return new SSLConnectionSocketFactory(tls, new DefaultHostnameVerifier());
    }

    static SSLConnectionSocketFactory platform() {
        return SSLConnectionSocketFactory.getSocketFactory();
    }
}
