package io.relia.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a request's {@code Host} header may carry. A browser page on another site that re-points its own name
 * at this server (DNS rebinding) sends its own name as Host and is refused, so reads that need no token stay
 * unreadable to web pages. Allowed: the loopback names, the address the server is bound to, every IP literal when
 * it is bound to all interfaces (a literal cannot be re-pointed), and the names configured; {@code *} allows any.
 * Ports are ignored.
 */
final class HostAllowList {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Hex groups and colons (an IPv4 tail allowed); InetAddress refuses a malformed one without a lookup. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> names;
    private final List<String> shown;
    private final boolean anyLiteral;
    private final boolean any;

    private HostAllowList(Set<String> names, List<String> shown, boolean anyLiteral, boolean any) {
        this.names = names;
        this.shown = shown;
        this.anyLiteral = anyLiteral;
        this.any = any;
    }

    /** The list for a server bound to {@code bindHost}, with the {@code configured} names (and {@code *}) added. */
    static HostAllowList of(String bindHost, List<String> configured) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        boolean any = false;
        boolean wildcard = literal(normalise(bindHost)).map(InetAddress::isAnyLocalAddress).orElse(false);
        List<String> given = new ArrayList<>(LOOPBACK);
        if (!wildcard) {
            given.add(bindHost);
        }
        given.addAll(configured);
        for (String name : given) {
            String entry = normalise(withoutPort(name.strip()));
            if (entry.equals("*")) {
                any = true;
            } else if (!entry.isEmpty() && names.add(entry)) {
                shown.add(withoutPort(name.strip()).toLowerCase(Locale.ROOT).replaceAll("\\.+$", ""));
            }
        }
        return new HostAllowList(Set.copyOf(names), List.copyOf(shown), wildcard, any);
    }

    /** True when a request with this Host header is served; a request without one (HTTP/1.0) is. */
    boolean allows(String hostHeader) {
        if (any || hostHeader == null) {
            return true;
        }
        String host = normalise(withoutPort(hostHeader.strip()));
        if (names.contains(host)) {
            return true;
        }
        return anyLiteral && literal(host).isPresent();
    }

    /** The allowed names, for messages and the start-up log. */
    String describe() {
        if (any) {
            return "any name (*)";
        }
        return String.join(", ", shown) + (anyLiteral ? " and every IP address" : "");
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    /** Lower case, no trailing dot, IPv6 without brackets and in one spelling. */
    private static String normalise(String name) {
        String text = name.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return literal(text).map(HostAllowList::canonical).orElse(text);
    }

    private static String canonical(InetAddress address) {
        String text = address.getHostAddress();
        return address instanceof Inet6Address && text.indexOf('%') >= 0 ? text.substring(0, text.indexOf('%')) : text;
    }

    /** The address {@code text} spells as an IP literal; never a DNS lookup (only literals reach getByName). */
    private static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }
}
