package io.relia.chaos.proxy;

import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * What a client sent before its upstream connection was ready. Reading is off until then, but epoll reads a peer's
 * last bytes and its FIN anyway when the peer half-closes (EPOLLRDHUP): those are kept here, not dropped, and
 * handed to the relay in order once it exists. Bounded by the socket's receive buffer, as nothing else is read.
 */
final class EarlyInput {
    private final ArrayDeque<Object> messages = new ArrayDeque<>();
    private boolean ended;

    void add(Object message) {
        messages.add(message);
    }

    void end() {
        ended = true;
    }

    /** Hands the messages, then the end if it came, to the relay; nothing is kept. */
    void replay(Consumer<Object> read, Runnable end) {
        while (!messages.isEmpty()) {
            read.accept(messages.poll());
        }
        if (ended) {
            ended = false;
            end.run();
        }
    }

    /** Frees what is held; the connection is closing. */
    void release() {
        messages.forEach(ReferenceCountUtil::release);
        messages.clear();
    }
}
