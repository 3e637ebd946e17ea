package io.relia.server.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a notification is retried: exponential backoff with full jitter (a random wait
 * between 0 and {@code base × 2^(attempt-1)}, capped), as AWS's backoff study recommends for many senders.
 *
 * @param attempts most tries, the first included
 * @param base     the first backoff ceiling
 * @param cap      the largest wait, also the cap on a receiver's Retry-After
 */
public record RetryPolicy(int attempts, Duration base, Duration cap) {

    /** 5 tries, 1 s base, 30 s cap: waits of up to 1, 2, 4 and 8 s, or up to 30 s each when asked by Retry-After. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("attempts must be 1..20: " + attempts);
        }
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the backoff base must be 0 or more and at most the cap: " + base
                    + ", cap " + cap);
        }
    }

    /** The wait before try {@code next} (2 or later), or the receiver's Retry-After when it gave one. */
    Duration backoff(int next, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(next - 2, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
