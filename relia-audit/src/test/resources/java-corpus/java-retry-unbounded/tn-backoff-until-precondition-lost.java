import java.util.concurrent.ThreadLocalRandom;

// A consensus proposal retried until it wins, with a growing, randomised pause between rounds, and given up (by an exception)
// as soon as this node learns it is no longer the leader: the loop has another way out than success, and it does
// not hammer its peers while they are unreachable.
class BoundProposer {
    private final Proposer proposer;
    private boolean leadershipLost;

    BoundProposer(Proposer proposer) {
        this.proposer = proposer;
    }

    synchronized void store(long bound) throws InterruptedException {
        long pause = 10;
        while (true) {
            try {
                long agreed = proposer.propose(bound);
                if (agreed < bound) {
                    giveUpLeadership("another proposer won the round");
                }
                return;
            } catch (RoundFailedException e) {
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                pause = Math.min(pause * 2, 1_000);
            }
        }
    }

    private void giveUpLeadership(String why) {
        leadershipLost = true;
        throw new IllegalStateException("not the leader any more: " + why + ", lost=" + leadershipLost);
    }

    interface Proposer {
        long propose(long bound) throws RoundFailedException;
    }

    static class RoundFailedException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
