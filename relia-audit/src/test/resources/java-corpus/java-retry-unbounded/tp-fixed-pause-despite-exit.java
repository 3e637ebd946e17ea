// A way out other than success does not excuse the pause: a fixed one retries in lock-step with every other client
// for as long as the outage lasts.
class LockStepProposer {
    private final Proposer proposer;
    private volatile boolean closed;

    LockStepProposer(Proposer proposer) {
        this.proposer = proposer;
    }

    void store(long bound) throws InterruptedException {
        while (true) { // expect: java/retry-unbounded, java/retry-without-backoff
            if (closed) {
                return;
            }
            try {
                proposer.propose(bound);
                return;
            } catch (RoundFailedException e) {
                Thread.sleep(100);
            }
        }
    }

    void close() {
        closed = true;
    }

    interface Proposer {
        void propose(long bound) throws RoundFailedException;
    }

    static class RoundFailedException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
