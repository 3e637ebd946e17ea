import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

class Outbox {
    private static final Queue<String> SENT = new ConcurrentLinkedQueue<>(); // expect: java/static-collection-grows

    void send(String message) {
        transport(message);
        SENT.offer(message);
    }

    boolean wasSent(String message) {
        for (String sent : SENT) {
            if (sent.equals(message)) {
                return true;
            }
        }
        return false;
    }

    private void transport(String message) {
    }
}
