package io.relia.load.run;

/**
 * Where a worker's requests come from. Worker {@code k} of {@code n} takes the global sequence numbers
 * {@code k, k + n, k + 2n, …}, so the workers together follow the scenario's mix and variable rows exactly.
 */
interface Requests {

    /** The next global sequence number of this worker. */
    long nextSequence();

    /** Which template request {@code sequence} uses. */
    int template(long sequence);

    /** The complete HTTP/1.1 request {@code sequence} of a template; may be a shared array: do not change it. */
    byte[] encode(int template, long sequence);

    /** Whether a template's bytes are the same for every request (no variables). */
    boolean isFixed(int template);

    /** Whether the template's method is HEAD (its response has no body, whatever its headers say). */
    boolean isHead(int template);
}
