package io.relia.chaos.experiment;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A proxy the experiment needs on its proxy server ({@code proxy.proxies} in the native format, {@code x-relia}
 * in Chaos Toolkit's): the runner creates it when it is missing, so the experiment carries its own set-up instead of
 * a curl command in a comment. Addresses are Toxiproxy's {@code host:port}.
 *
 * @param admin    the Toxiproxy-compatible admin API the proxy lives on
 * @param name     the proxy's name, as fault targets name it
 * @param listen   where the proxy accepts connections: the address the service under test is configured to call
 * @param upstream where it forwards them: the real dependency
 */
public record DeclaredProxy(URI admin, String name, String listen, String upstream) {

    /** {@code host:port} with a port 1..65535; IPv6 hosts in brackets. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\[\\]\\s]+):(\\d{1,5})");

    public DeclaredProxy {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("a proxy name is non-empty and has no '/': " + name);
        }
        if (!isAddress(listen) || !isAddress(upstream)) {
            throw new IllegalArgumentException("listen and upstream are host:port with a port 1..65535: " + listen
                    + ", " + upstream);
        }
    }

    /** Whether {@code text} is {@code host:port} with a port 1..65535 (0 is refused: the service must know it). */
    public static boolean isAddress(String text) {
        if (text == null) {
            return false;
        }
        var matcher = HOST_PORT.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        int port = Integer.parseInt(matcher.group(2));
        return port >= 1 && port <= 65_535;
    }

    /** The host of a {@code host:port} (brackets of an IPv6 host removed). */
    public static String host(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port of a {@code host:port}. */
    public static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** The JSON body Toxiproxy's {@code POST /proxies} takes, for messages that say how to create it by hand. */
    public String json() {
        return "{\"name\":\"" + name + "\",\"listen\":\"" + listen + "\",\"upstream\":\"" + upstream + "\"}";
    }
}
