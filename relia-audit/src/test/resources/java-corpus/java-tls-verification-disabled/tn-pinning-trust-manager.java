package shop;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** Accepts exactly one certificate: the partner's, pinned by its subject. */
final class PinnedTrustManager implements X509TrustManager {
    private final String subject;

    PinnedTrustManager(String subject) {
        this.subject = subject;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain.length == 0 || !chain[0].getSubjectX500Principal().getName().equals(subject)) {
            throw new CertificateException("unexpected server certificate");
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
