package shop;

import java.security.cert.X509Certificate;
import java.util.logging.Logger;
import javax.net.ssl.X509TrustManager;

/** "Temporary" until the partner fixes their certificate. */
final class PartnerTrustManager implements X509TrustManager {
    private static final Logger LOG = Logger.getLogger(PartnerTrustManager.class.getName());

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) { // expect: java/tls-verification-disabled
        LOG.fine("accepting partner certificate " + chain[0].getSubjectX500Principal());
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
