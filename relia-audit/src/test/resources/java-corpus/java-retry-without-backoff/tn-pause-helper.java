import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

class PauseHelper {
    String call(Client client) throws IOException {
        IOException last = null;
        for (int retry = 0; retry <= 3; retry++) {
            if (retry > 0) {
                pause(retry - 1);
            }
            try {
                return client.fetch();
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static void pause(int retry) {
        long millis = (100L << retry) + ThreadLocalRandom.current().nextLong(100);
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Client {
        String fetch() throws IOException;
    }
}
