package corpus.blocking.returned;

/** Waits on a future that another file's method returns; the catch of Exception tells nothing. */
final class Node {
    private final Replicas replicas = new Replicas();

    void leave() {
        try {
            replicas.handOver().get(); // expect: java/blocking-without-deadline
        } catch (Exception e) {
            throw new IllegalStateException("hand-over failed", e);
        }
    }
}
