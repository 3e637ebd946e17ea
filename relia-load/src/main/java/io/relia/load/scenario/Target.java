package io.relia.load.scenario;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The origin of a load run: scheme, host and port. Every request of a scenario goes to one origin.
 *
 * @param https    whether to speak TLS
 * @param host     host name or address
 * @param port     TCP port
 * @param insecure skip TLS certificate verification (self-signed test servers)
 */
public record Target(boolean https, String host, int port, boolean insecure) {

    public Target {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The origin of an absolute http or https URI; the default port of its scheme when it names none. */
    public static Target of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = switch (scheme) {
            case "http" -> false;
            case "https" -> true;
            default -> throw new IllegalArgumentException("expected an http:// or https:// URL: " + uri);
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL names no host: " + uri);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return new Target(https, uri.getHost(), port, false);
    }

    /** The value of the Host header: the port is left out when it is the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (https && port == 443) || (!https && port == 80) ? h : h + ":" + port;
    }

    /** {@code http://host:port}, for reports. */
    @Override
    public String toString() {
        return (https ? "https://" : "http://") + hostHeader();
    }
}
