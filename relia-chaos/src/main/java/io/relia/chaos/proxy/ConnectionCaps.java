package io.relia.chaos.proxy;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many client connections the proxies may hold open: per proxy, and for the whole process. Each proxied
 * connection takes two file descriptors (the client's socket and the upstream's), so the process cap is what the
 * descriptor limit leaves after a reserve for the admin API, the JVM's own files and the event loops. A proxy whose
 * upstream loops back to a proxy of the same server therefore stops at a cap instead of taking every descriptor.
 *
 * @param perProxy open connections one proxy accepts; more are refused
 * @param process  open proxied connections of all proxies together; more are refused
 */
record ConnectionCaps(int perProxy, int process) {
    /** Descriptors kept free at least, for the admin API's connections, class files and the event loops. */
    static final long MIN_RESERVE = 64;
    /** Where the OS tells no limit (not a Unix): a cap that holds on any OS's default. */
    static final int UNKNOWN_LIMIT_CAP = 4096;

    ConnectionCaps {
        if (perProxy < 1) {
            throw new IllegalArgumentException("connections per proxy must be 1 or more, got " + perProxy);
        }
        if (process < 1) {
            throw new IllegalArgumentException("connections per process must be 1 or more, got " + process);
        }
    }

    /** {@code perProxy} per proxy, and the process cap this process's descriptor limit allows now. */
    static ConnectionCaps forThisProcess(int perProxy) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return new ConnectionCaps(perProxy,
                    processCap(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount()));
        }
        return new ConnectionCaps(perProxy, UNKNOWN_LIMIT_CAP);
    }

    /**
     * Connections the descriptors left leave room for: the limit minus those open, minus a reserve of an eighth of
     * the limit (at least {@link #MIN_RESERVE}), halved because each connection takes two. At least 1, so a tiny
     * limit still proxies (and the admin API still gets its reserve before the proxies get more).
     *
     * @param maxDescriptors  the process's descriptor limit (RLIMIT_NOFILE)
     * @param openDescriptors descriptors open now
     */
    static int processCap(long maxDescriptors, long openDescriptors) {
        long reserve = Math.max(MIN_RESERVE, maxDescriptors / 8);
        long free = maxDescriptors - Math.max(0, openDescriptors) - reserve;
        return Math.clamp(free / 2, 1, Integer.MAX_VALUE);
    }
}
