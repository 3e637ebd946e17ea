import java.util.concurrent.ThreadLocalRandom;

// Backing off is not enough: with success as the only way out, the caller waits forever while the peer is gone.
class PatientSender {
    void send(Channel channel, String message) throws InterruptedException {
        long pause = 50;
        while (true) { // expect: java/retry-unbounded
            try {
                channel.write(message);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    interface Channel {
        void write(String message) throws java.io.IOException;
    }
}
