package shop;

import java.util.Set;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;

final class InternalHosts implements HostnameVerifier {
    private static final Set<String> ALIASES = Set.of("payments.internal", "payments.shop.svc");
    private final HostnameVerifier standard = HttpsURLConnection.getDefaultHostnameVerifier();

    @Override
    public boolean verify(String hostname, SSLSession session) {
        return ALIASES.contains(hostname) && standard.verify("payments.example.com", session)
                || standard.verify(hostname, session);
    }
}
