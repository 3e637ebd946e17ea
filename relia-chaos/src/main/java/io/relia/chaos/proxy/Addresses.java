package io.relia.chaos.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Parses and prints {@code host:port} the way Toxiproxy's API writes addresses. */
final class Addresses {
    private Addresses() {
    }

    /** A {@code host:port} split in two; IPv6 hosts in brackets. */
    record HostPort(String host, int port) {
    }

    static HostPort split(String text, String what) throws ApiException {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new ApiException(500, "address " + text + ": missing port in " + what + " address");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw new ApiException(500, "address " + text + ": invalid port in " + what + " address");
        }
    }

    /**
     * Where a proxy listens. An empty address or an empty host means the admin API's own host: the proxy never
     * binds wider than the user asked (Toxiproxy would take every interface).
     */
    static InetSocketAddress listen(String text, String defaultHost) throws ApiException {
        HostPort hostPort = text.isEmpty() ? new HostPort(defaultHost, 0) : split(text, "listen");
        String host = hostPort.host().isEmpty() ? defaultHost : hostPort.host();
        try {
            return new InetSocketAddress(InetAddress.getByName(host), hostPort.port());
        } catch (UnknownHostException e) {
            throw new ApiException(500, "listen tcp: lookup " + host + ": no such host");
        }
    }

    /** The upstream, resolved when a client connects (as Toxiproxy dials by name each time). */
    static InetSocketAddress upstream(String text) throws ApiException {
        HostPort hostPort = split(text, "upstream");
        return InetSocketAddress.createUnresolved(hostPort.host(), hostPort.port());
    }

    /**
     * Whether dialling {@code upstream} could reach {@code listener}: the same port, and one of the addresses the
     * upstream's name resolves to now is the listener's, or any address of this machine when the listener takes
     * every interface (0.0.0.0, ::). Dialling 0.0.0.0 or :: reaches the loopback address. A name that does not
     * resolve cannot be told and does not match (its connections fail anyway).
     */
    static boolean reaches(HostPort upstream, InetSocketAddress listener) {
        if (listener.getPort() == 0 || upstream.port() != listener.getPort() || listener.getAddress() == null) {
            return false;
        }
        InetAddress[] candidates;
        try {
            candidates = InetAddress.getAllByName(upstream.host());
        } catch (UnknownHostException e) {
            return false;
        }
        InetAddress bound = listener.getAddress();
        for (InetAddress candidate : candidates) {
            if (bound.isAnyLocalAddress() ? isLocal(candidate)
                    : candidate.equals(bound) || candidate.isAnyLocalAddress() && bound.isLoopbackAddress()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Whether a bind failed because the address is taken (NIO says BindException, epoll a native errno). */
    static boolean inUse(Throwable cause) {
        return cause instanceof java.net.BindException
                || cause != null && String.valueOf(cause.getMessage()).contains("Address already in use");
    }

    static String print(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
