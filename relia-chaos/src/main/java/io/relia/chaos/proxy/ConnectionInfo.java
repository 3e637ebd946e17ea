package io.relia.chaos.proxy;

import java.time.Instant;
import java.util.List;

/**
 * A live connection as the API lists it.
 *
 * @param client          the client's address
 * @param upstreamLocal   the proxy's local address on the upstream side (how the server sees the proxy)
 * @param upstreamBytes   bytes read from the client so far
 * @param downstreamBytes bytes read from the server so far
 */
record ConnectionInfo(long id, String client, String upstreamLocal, Instant opened, long upstreamBytes,
                      long downstreamBytes, List<String> upstreamToxics, List<String> downstreamToxics) {
}
