package shop;

import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

final class PartnerSockets {
    static SSLConnectionSocketFactory factory(SSLContext tls) {
        return new SSLConnectionSocketFactory(tls, NoopHostnameVerifier.INSTANCE); // expect: java/tls-verification-disabled
    }
}
