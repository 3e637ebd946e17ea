package shop;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.TrustSelfSignedStrategy;
import org.apache.http.ssl.SSLContexts;

final class LabTls {
    static SSLContext selfSigned() throws GeneralSecurityException {
        return SSLContexts.custom().loadTrustMaterial(null, new TrustSelfSignedStrategy()).build(); // expect: java/tls-verification-disabled
    }

    static SSLContext anything() throws GeneralSecurityException {
        return SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> true).build(); // expect: java/tls-verification-disabled
    }
}
