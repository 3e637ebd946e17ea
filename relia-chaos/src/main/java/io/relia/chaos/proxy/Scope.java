package io.relia.chaos.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Relia's extension limiting which connections a toxic touches: only the first N connections opened after the
 * toxic was added, only those after the first N, only during a time window, only from some client addresses.
 * All conditions must hold. Connections already open when a counted scope is set are never counted.
 *
 * @param first   apply to connections 1..first (counted from the toxic's creation), or empty
 * @param after   apply to connections after the first {@code after}, or empty
 * @param from    apply from this instant on, or empty
 * @param until   apply before this instant, or empty
 * @param clients client address blocks ({@code 127.0.0.1}, {@code 10.0.0.0/8}); empty list = any client
 */
record Scope(Optional<Long> first, Optional<Long> after, Optional<Instant> from, Optional<Instant> until,
             List<Cidr> clients) {

    static final Scope ANY = new Scope(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of());

    Scope {
        clients = List.copyOf(clients);
        if (first.isPresent() && first.get() < 0 || after.isPresent() && after.get() < 0) {
            throw new IllegalArgumentException("scope counts must not be negative");
        }
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("scope.from must be before scope.until");
        }
    }

    boolean isAny() {
        return equals(ANY);
    }

    /** Whether counting connections matters: connections open before the toxic then never match. */
    boolean counts() {
        return first.isPresent() || after.isPresent();
    }

    /**
     * Whether a connection matches everything but the time window.
     *
     * @param ordinal the connection's number among those opened since the toxic was added, 0 for older ones
     */
    boolean matchesConnection(long ordinal, InetAddress client) {
        if (counts() && ordinal == 0) {
            return false;
        }
        if (first.isPresent() && ordinal > first.get() || after.isPresent() && ordinal <= after.get()) {
            return false;
        }
        return clients.isEmpty() || clients.stream().anyMatch(c -> c.contains(client));
    }

    boolean activeAt(Instant now) {
        return from.map(f -> !now.isBefore(f)).orElse(true) && until.map(now::isBefore).orElse(true);
    }

    /** An address block; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix, String text) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.'
                    || c == ':')) {
                throw new IllegalArgumentException("not an IP address or block: " + text);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or block: " + text, e);
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad prefix length in " + text, e);
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range in " + text);
                }
            }
            return new Cidr(bytes, prefix, text);
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
