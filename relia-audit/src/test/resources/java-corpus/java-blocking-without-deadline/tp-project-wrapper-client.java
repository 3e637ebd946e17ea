package corpus.blocking.wrapper;

import java.util.concurrent.TimeUnit;

/** Calls another file's untimed wrapper: the wait happens here, where a timeout would be passed. */
final class ReplyClient {
    String call(PendingReply reply) throws InterruptedException {
        return reply.await(); // expect: java/blocking-without-deadline
    }

    String bounded(PendingReply reply) throws InterruptedException {
        return reply.await(2, TimeUnit.SECONDS);
    }
}
